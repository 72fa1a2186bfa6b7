package org.netcompare.nets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netcompare.nets.layers.Parameter;

class InitializationTest {

    private static float[] all(Sequential model) {
        List<Parameter> parameters = model.parameters();
        int size = parameters.stream().mapToInt(p -> p.value().size()).sum();
        float[] values = new float[size];
        int at = 0;
        for (Parameter p : parameters) {
            float[] v = p.value().toArray();
            System.arraycopy(v, 0, values, at, v.length);
            at += v.length;
        }
        return values;
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        ModelSpec spec = ModelZoo.spec("lenet5");
        assertArrayEquals(all(spec.build(3)), all(spec.build(3)));
        assertFalse(Arrays.equals(all(spec.build(3)), all(spec.build(4))));
    }

    /**
     * U(-b, b) has variance b^2 / 3; over fc1's 235,200 weights of the mlp the sample variance
     * has a relative standard deviation of sqrt(0.8 / n) = 0.2%, so 2% cannot fail by chance.
     */
    private static void assertUniform(Parameter p, double bound) {
        float[] v = p.value().data();
        double squares = 0;
        double max = 0;
        for (float x : v) {
            squares += (double) x * x;
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= bound, p.name() + " exceeds its bound");
        assertEquals(bound * bound / 3, squares / v.length, 0.02 * bound * bound / 3, p.name());
    }

    @Test
    void schemesDrawFromTheirBounds() {
        ModelSpec mlp = ModelZoo.spec("mlp");
        Parameter pytorch = mlp.build(Initialization.Scheme.PYTORCH, 1).parameters().get(0);
        assertUniform(pytorch, 1 / Math.sqrt(784));
        Parameter kaiming = mlp.build(Initialization.Scheme.KAIMING, 1).parameters().get(0);
        assertUniform(kaiming, Math.sqrt(6.0 / 784));
        Parameter xavier = mlp.build(Initialization.Scheme.XAVIER, 1).parameters().get(0);
        assertUniform(xavier, Math.sqrt(6.0 / (784 + 300)));
    }

    @Test
    void convolutionFansCountTheKernelArea() {
        Sequential lenet = ModelZoo.spec("lenet5").build(Initialization.Scheme.XAVIER, 2);
        Parameter conv2 = lenet.parameters().get(2);
        float max = 0;
        for (float x : conv2.value().data()) {
            max = Math.max(max, Math.abs(x));
        }
        // fan_in = 6 * 25, fan_out = 16 * 25; 2,400 draws reach within 1% of the bound.
        double bound = Math.sqrt(6.0 / (150 + 400));
        assertTrue(max <= bound && max > 0.99 * bound, "max " + max + ", bound " + bound);
        assertTrue(Arrays.equals(new float[16], lenet.parameters().get(3).value().toArray()),
                "Xavier biases start at zero");
    }

    @Test
    void batchNormStartsAtOneAndZero() {
        Sequential vgg = ModelZoo.spec("vgg-small").build(5);
        Parameter gamma = vgg.parameters().get(2);
        assertEquals("bn1_1.weight", gamma.name());
        for (float g : gamma.value().data()) {
            assertEquals(1f, g);
        }
    }
}
