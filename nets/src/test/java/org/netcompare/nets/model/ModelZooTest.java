package org.netcompare.nets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.GradientCheck;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;

class ModelZooTest {

    @Test
    void everyModelMapsABatchToTenLogits() {
        for (String name : ModelZoo.names()) {
            ModelSpec spec = ModelZoo.spec(name);
            Sequential model = spec.build(1);
            int[] input = spec.input();
            Tensor x = Tensor.zeros(2, input[0], input[1], input[2]);
            assertArrayEquals(new int[] {2, 10}, model.forward(x, true).shape(), name);
            assertArrayEquals(new int[] {2, 10}, model.forward(x, false).shape(), name);
        }
    }

    @Test
    void alexnetSmallExposesFc6Fc7Fc8ForBothInputs() {
        for (int[] input : List.of(new int[] {1, 28, 28}, new int[] {3, 32, 32})) {
            Sequential model = ModelZoo.spec("alexnet-small", input).build(2);
            assertArrayEquals(new int[] {256}, model.outputShape("fc6"));
            assertArrayEquals(new int[] {128}, model.outputShape("fc7"));
            assertArrayEquals(new int[] {10}, model.outputShape("fc8"));
            Map<String, Tensor> captured = model.forwardCapturing(
                    Tensor.zeros(3, input[0], input[1], input[2]), false,
                    List.of("fc8", "fc6", "fc7"));
            assertEquals(List.of("fc6", "fc7", "fc8"), List.copyOf(captured.keySet()));
            assertArrayEquals(new int[] {3, 128}, captured.get("fc7").shape());
        }
    }

    @Test
    void lenetHasPyTorchStateDictNamesAndLayouts() {
        Sequential lenet = ModelZoo.spec("lenet5").build(0);
        List<String> names = lenet.parameters().stream().map(p -> p.name()).toList();
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
                "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"),
                names);
        assertArrayEquals(new int[] {16, 6, 5, 5}, lenet.parameters().get(2).value().shape());
        assertArrayEquals(new int[] {120, 400}, lenet.parameters().get(4).value().shape());
        // 6*25+6 + 16*6*25+16 + 400*120+120 + 120*84+84 + 84*10+10 = 61,706 parameters.
        assertEquals(61_706, lenet.parameters().stream().mapToInt(p -> p.value().size()).sum());
    }

    @Test
    void unknownNamesAndWrongInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModelZoo.spec("resnet"));
        assertThrows(IllegalArgumentException.class,
                () -> ModelZoo.spec("lenet5", new int[] {3, 32, 32}));
        assertThrows(IllegalArgumentException.class,
                () -> ModelZoo.spec("alexnet-small", new int[] {3, 64, 64}));
    }

    @Test
    void severalBackwardPassesMayFollowOneForwardPass() {
        // vgg-small has every stateful layer kind: convolution, batch norm, max pooling, dropout.
        Sequential vgg = ModelZoo.spec("vgg-small").build(3);
        Tensor x = Tensor.wrap(GradientCheck.uniform(2 * 3 * 32 * 32, new SplittableRandom(4), 0,
                1), 2, 3, 32, 32);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        loss.forward(vgg.forward(x, true), new int[] {1, 7});
        Tensor dLogits = loss.backward();
        vgg.zeroGrad();
        float[] dx = vgg.backward(dLogits).toArray();
        List<float[]> once = vgg.parameters().stream().map(p -> p.grad().toArray()).toList();
        assertArrayEquals(dx, vgg.backward(dLogits).toArray());
        List<Parameter> parameters = vgg.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            float[] twice = parameters.get(i).grad().toArray();
            for (int j = 0; j < twice.length; j++) {
                assertEquals(2 * once.get(i)[j], twice[j], 1e-6 * (1 + Math.abs(twice[j])),
                        parameters.get(i).name());
            }
        }
    }

    @Test
    void inputsOfAnotherShapeAreRefused() {
        Sequential lenet = ModelZoo.spec("lenet5").build(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lenet.forward(Tensor.zeros(2, 3, 32, 32), false));
        assertEquals("the model takes batches [N, 1, 28, 28], got [2, 3, 32, 32]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lenet.forward(Tensor.zeros(784), false));
    }

    @Test
    void capturingAnUnknownLayerIsRefused() {
        Sequential lenet = ModelZoo.spec("lenet5").build(0);
        assertThrows(IllegalArgumentException.class,
                () -> lenet.forwardCapturing(Tensor.zeros(1, 1, 28, 28), false, List.of("fc9")));
    }
}
