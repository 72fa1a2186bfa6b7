package org.netcompare.nets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.SafeTensors;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Buffer;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;

/**
 * A network made and run by PyTorch 1.13 (nets/tools/pytorch_fixture.py: conv2d with stride
 * and padding, batchnorm2d and 1d, max and average pooling, linear with and without bias, relu,
 * tanh, sigmoid) loads from its state_dict and computes what PyTorch computed: evaluation
 * logits, training logits, the cross-entropy loss, every parameter gradient and the running
 * statistics after the training pass.
 *
 * <p>Tolerance 1e-5 + 1e-4 |expected|: both sides compute in float32 but sum in different
 * orders; values are of order 1 and pass through at most two normalisations, so rounding
 * differences stay near 1e-6.
 */
class PyTorchFixtureTest {

    private static final double ABSOLUTE = 1e-5;
    private static final double RELATIVE = 1e-4;

    @Test
    void matchesPyTorchInEvaluationAndTraining() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/pytorch-fixture").toURI());
        Map<String, NdArray> expected = SafeTensors.read(dir.resolve("expected.safetensors"));
        Sequential model = ModelFiles.load(dir).model();
        NdArray x = expected.get("input");
        Tensor input = x.toTensor();
        int[] labels = expected.get("labels").toIntArray();
        List<String> mismatches = new ArrayList<>();

        compare("eval_logits", expected, model.forward(input, false), mismatches);
        Tensor logits = model.forward(input, true);
        compare("train_logits", expected, logits, mismatches);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        double value = loss.forward(logits, labels);
        assertEquals(expected.get("loss").toDoubleArray()[0], value, 1e-5);
        model.zeroGrad();
        model.backward(loss.backward());
        for (Parameter p : model.parameters()) {
            compare("grad." + p.name(), expected, p.grad(), mismatches);
        }
        for (Buffer b : model.buffers()) {
            compare("after." + b.name(), expected, b.value(), mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    private static void compare(String name, Map<String, NdArray> expected, Tensor actual,
            List<String> mismatches) {
        float[] want = expected.get(name).toFloatArray();
        float[] got = actual.toArray();
        assertEquals(want.length, got.length, name);
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(want[i] - got[i]) > ABSOLUTE + RELATIVE * Math.abs(want[i])) {
                mismatches.add(name + "[" + i + "]: PyTorch " + want[i] + ", here " + got[i]);
                return;
            }
        }
    }
}
