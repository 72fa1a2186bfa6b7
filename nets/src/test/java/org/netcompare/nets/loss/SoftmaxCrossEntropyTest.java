package org.netcompare.nets.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.GradientCheck;

class SoftmaxCrossEntropyTest {

    @Test
    void valueIsTheMeanNegativeLogLikelihood() {
        float[] z = {1, 2, 3, 0.5f, -1, 0};
        double loss = new SoftmaxCrossEntropy().forward(Tensor.wrap(z, 2, 3), new int[] {2, 0});
        double first = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double second = Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(0)) - 0.5;
        assertEquals((first + second) / 2, loss, 1e-12);
    }

    @Test
    void hugeLogitsStayFinite() {
        // exp(1000) overflows; the shifted log-sum-exp gives log(1 + e^-1) + 1 exactly enough.
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        double loss = ce.forward(Tensor.wrap(new float[] {1000, 999}, 1, 2), new int[] {1});
        assertEquals(Math.log(1 + Math.exp(-1)) + 1, loss, 1e-9);
        float[] p = ce.probabilities().toArray();
        assertEquals(1, p[0] + p[1], 1e-6);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        float[] z = {0.3f, -1.2f, 2f, 0.7f, 0.1f, 0.1f, -0.5f, 1.5f};
        int[] labels = {3, 1};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.forward(Tensor.wrap(z, 2, 4), labels);
        float[] grad = ce.backward().toArray();
        List<String> failures = new ArrayList<>();
        GradientCheck.compare("logits", z, grad,
                () -> new SoftmaxCrossEntropy().forward(Tensor.wrap(z, 2, 4), labels), failures);
        GradientCheck.report(failures);
    }

    @Test
    void badLabelsAreRefused() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        assertThrows(IllegalArgumentException.class,
                () -> ce.forward(Tensor.zeros(2, 3), new int[] {0, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> ce.forward(Tensor.zeros(2, 3), new int[] {0}));
    }
}
