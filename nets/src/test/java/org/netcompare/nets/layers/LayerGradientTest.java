package org.netcompare.nets.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

/** Finite-difference checks of every layer's input and parameter gradients. */
class LayerGradientTest {

    private static final Runnable NOTHING = () -> { };

    private static void randomize(Layer layer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter p : layer.parameters()) {
            float[] v = p.value().data();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextDouble(-0.5, 0.5);
            }
        }
    }

    private static Tensor random(long seed, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return Tensor.wrap(GradientCheck.uniform(size, new SplittableRandom(seed), -1, 1), shape);
    }

    @Test
    void linear() {
        Linear layer = new Linear("fc", 7, 5, true);
        randomize(layer, 1);
        GradientCheck.checkLayer(layer, random(2, 3, 7), true, NOTHING, 3);
    }

    @Test
    void linearWithoutBias() {
        Linear layer = new Linear("fc", 4, 3, false);
        randomize(layer, 4);
        GradientCheck.checkLayer(layer, random(5, 2, 4), false, NOTHING, 6);
    }

    @Test
    void convolutionStrideTwoPaddingOne() {
        Conv2d layer = new Conv2d("conv", 3, 4, 3, 2, 1, true);
        randomize(layer, 7);
        GradientCheck.checkLayer(layer, random(8, 2, 3, 7, 5), true, NOTHING, 9);
    }

    @Test
    void convolutionStrideOneNoPaddingWithoutBias() {
        Conv2d layer = new Conv2d("conv", 2, 3, 2, 1, 0, false);
        randomize(layer, 10);
        GradientCheck.checkLayer(layer, random(11, 3, 2, 4, 5), false, NOTHING, 12);
    }

    @Test
    void relu() {
        Tensor x = Tensor.wrap(GradientCheck.awayFromZero(2 * 3 * 4, new SplittableRandom(13)),
                2, 3, 4);
        GradientCheck.checkLayer(new Relu("relu"), x, true, NOTHING, 14);
    }

    @Test
    void tanh() {
        GradientCheck.checkLayer(new Tanh("tanh"), random(15, 3, 6), true, NOTHING, 16);
    }

    @Test
    void sigmoid() {
        GradientCheck.checkLayer(new Sigmoid("sigmoid"), random(17, 3, 6), true, NOTHING, 18);
    }

    @Test
    void maxPoolWithoutTies() {
        // Distinct values 0.05 apart in random order: a step of 1e-2 never changes an argmax.
        int size = 2 * 2 * 7 * 6;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(19));
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = order.get(i) * 0.05f - 2f;
        }
        GradientCheck.checkLayer(new MaxPool2d("pool", 3, 2), Tensor.wrap(x, 2, 2, 7, 6), true,
                NOTHING, 20);
    }

    @Test
    void averagePoolOverlapping() {
        GradientCheck.checkLayer(new AvgPool2d("pool", 3, 2), random(21, 2, 2, 7, 6), true,
                NOTHING, 22);
    }

    @Test
    void flatten() {
        GradientCheck.checkLayer(new Flatten("flatten"), random(23, 2, 3, 2, 2), true, NOTHING, 24);
    }

    @Test
    void dropoutWithAReplayedMask() {
        Dropout layer = new Dropout("drop", 0.4f, 25);
        GradientCheck.checkLayer(layer, random(26, 4, 10), true, () -> layer.reseed(27), 28);
    }

    @Test
    void batchNorm1dTraining() {
        BatchNorm layer = BatchNorm.oneD("bn", 4, BatchNorm.DEFAULT_EPS,
                BatchNorm.DEFAULT_MOMENTUM);
        randomize(layer, 29);
        GradientCheck.checkLayer(layer, random(30, 5, 4), true, NOTHING, 31);
    }

    @Test
    void batchNorm1dTrainingWithLength() {
        BatchNorm layer = BatchNorm.oneD("bn", 3, BatchNorm.DEFAULT_EPS,
                BatchNorm.DEFAULT_MOMENTUM);
        randomize(layer, 32);
        GradientCheck.checkLayer(layer, random(33, 2, 3, 4), true, NOTHING, 34);
    }

    @Test
    void batchNorm2dTraining() {
        BatchNorm layer = BatchNorm.twoD("bn", 3, BatchNorm.DEFAULT_EPS,
                BatchNorm.DEFAULT_MOMENTUM);
        randomize(layer, 35);
        GradientCheck.checkLayer(layer, random(36, 2, 3, 3, 2), true, NOTHING, 37);
    }

    @Test
    void batchNorm2dEvaluation() {
        BatchNorm layer = BatchNorm.twoD("bn", 3, BatchNorm.DEFAULT_EPS, 0.5);
        randomize(layer, 38);
        // Training passes first, so that the running statistics are not the trivial 0 and 1.
        layer.forward(random(39, 4, 3, 3, 3), true);
        layer.forward(random(40, 4, 3, 3, 3), true);
        GradientCheck.checkLayer(layer, random(41, 2, 3, 3, 3), false, NOTHING, 42);
    }

    @Test
    void batchNorm1dEvaluation() {
        BatchNorm layer = BatchNorm.oneD("bn", 4, BatchNorm.DEFAULT_EPS, 0.5);
        randomize(layer, 43);
        layer.forward(random(44, 6, 4), true);
        GradientCheck.checkLayer(layer, random(45, 3, 4), false, NOTHING, 46);
    }

    @Test
    void theCheckCatchesAWrongGradient() {
        // Linear's bias gradient scaled by 1.1 must fail the tolerance: the check can fail.
        Linear layer = new Linear("fc", 3, 2, true);
        randomize(layer, 47);
        float[] x = GradientCheck.uniform(6, new SplittableRandom(48), -1, 1);
        Tensor xt = Tensor.wrap(x, 2, 3);
        layer.forward(xt, true);
        float[] r = {1f, 2f, 0.5f, 0.5f};
        layer.backward(Tensor.wrap(r, 2, 2));
        float[] wrong = layer.bias().grad().toArray();
        for (int i = 0; i < wrong.length; i++) {
            wrong[i] *= 1.1f;
        }
        List<String> failures = new ArrayList<>();
        GradientCheck.compare("bias", layer.bias().value().data(), wrong, () -> {
            float[] y = layer.forward(xt, true).toArray();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += r[i] * y[i];
            }
            return sum;
        }, failures);
        assertTrue(failures.size() == 2, failures.toString());
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> new Relu("relu").backward(Tensor.zeros(1, 2)));
    }
}
