package org.netcompare.nets.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

class DropoutTest {

    private static Tensor ones(int n) {
        float[] v = new float[n];
        Arrays.fill(v, 1f);
        return Tensor.wrap(v, 1, n);
    }

    @Test
    void evaluationIsTheIdentity() {
        Tensor x = ones(10);
        Dropout drop = new Dropout("drop", 0.5f, 1);
        assertSame(x, drop.forward(x, false));
        Tensor g = ones(10);
        assertSame(g, drop.backward(g));
    }

    @Test
    void trainingZerosAboutPAndScalesTheRest() {
        int n = 100_000;
        float[] y = new Dropout("drop", 0.25f, 2).forward(ones(n), true).toArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0f) {
                zeros++;
            } else {
                assertEquals(1f / 0.75f, v);
            }
        }
        // Binomial standard deviation sqrt(0.25 * 0.75 / n) = 0.0014; 0.01 is seven of them.
        assertEquals(0.25, zeros / (double) n, 0.01);
    }

    @Test
    void sameSeedSameMasksAndTheGradientUsesTheMask() {
        float[] a = new Dropout("drop", 0.5f, 3).forward(ones(64), true).toArray();
        Dropout drop = new Dropout("drop", 0.5f, 3);
        float[] b = drop.forward(ones(64), true).toArray();
        assertArrayEquals(a, b);
        assertArrayEquals(b, drop.backward(ones(64)).toArray());
        float[] next = drop.forward(ones(64), true).toArray();
        assertTrue(!Arrays.equals(b, next), "a new mask for each training pass");
    }
}
