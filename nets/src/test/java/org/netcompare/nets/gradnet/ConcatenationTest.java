package org.netcompare.nets.gradnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.GradientCheck;

/** Tolerances: those of {@link GradientCheck}; the loss is linear, so only rounding remains. */
class ConcatenationTest {

    @Test
    void joinsRowsInPartOrder() {
        Tensor a = Tensor.wrap(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.wrap(new float[] {5, 6}, 2, 1);
        assertArrayEquals(new float[] {1, 2, 5, 3, 4, 6},
                new Concatenation().forward(List.of(a, b)).toArray());
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        float[] a = GradientCheck.uniform(6, random, -1, 1);
        float[] b = GradientCheck.uniform(9, random, -1, 1);
        float[] r = GradientCheck.uniform(15, random, -1, 1);
        Concatenation concatenation = new Concatenation();
        List<Tensor> parts = List.of(Tensor.wrap(a, 3, 2), Tensor.wrap(b, 3, 3));
        concatenation.forward(parts);
        List<Tensor> grads = concatenation.backward(Tensor.wrap(r, 3, 5));
        java.util.function.DoubleSupplier loss = () -> {
            float[] y = concatenation.forward(parts).toArray();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (double) r[i] * y[i];
            }
            return sum;
        };
        List<String> failures = new ArrayList<>();
        GradientCheck.compare("a", a, grads.get(0).toArray(), loss, failures);
        GradientCheck.compare("b", b, grads.get(1).toArray(), loss, failures);
        GradientCheck.report(failures);
    }
}
