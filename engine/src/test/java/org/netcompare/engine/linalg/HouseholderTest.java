package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HouseholderTest {

    /** Applies H = I - tau v v^T (v_0 = 1) to y explicitly. */
    private static double[] reflect(double tau, double[] v, double[] y) {
        double dot = 0;
        for (int i = 0; i < y.length; i++) {
            dot += v[i] * y[i];
        }
        double[] out = y.clone();
        for (int i = 0; i < y.length; i++) {
            out[i] -= tau * v[i] * dot;
        }
        return out;
    }

    @Test
    void reflectorMapsTheVectorOntoTheFirstAxisAndIsOrthogonal() {
        Random random = new Random(7);
        for (int n : new int[] {2, 3, 17}) {
            for (double scale : new double[] {1e-200, 1, 1e200}) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = scale * random.nextGaussian();
                }
                double[] stored = x.clone();
                double tau = Householder.generate(stored, 0, n, 1);
                double[] v = stored.clone();
                v[0] = 1;
                double[] image = reflect(tau, v, x);
                double norm = Householder.norm(x, 0, n, 1);
                assertEquals(norm, Math.abs(stored[0]), 1e-14 * norm);
                assertEquals(stored[0], image[0], 1e-14 * norm);
                for (int i = 1; i < n; i++) {
                    assertEquals(0, image[i], 1e-14 * norm, "entry " + i);
                }
                // H is an involution: reflecting twice gives x back.
                double[] back = reflect(tau, v, image);
                for (int i = 0; i < n; i++) {
                    assertEquals(x[i], back[i], 1e-14 * norm);
                }
            }
        }
    }

    @Test
    void stridedVectorIsReadInPlace() {
        double[] x = {3, -1, 0, -1, 4, -1};
        double tau = Householder.generate(x, 0, 2, 4);
        assertEquals(-5, x[0], 1e-15);
        assertEquals(4 / (3.0 + 5), x[4], 1e-15);
        assertEquals(1.6, tau, 1e-15);
        assertEquals(-1, x[1]);
    }

    @Test
    void multipleOfFirstAxisNeedsNoReflection() {
        double[] x = {2, 0, 0};
        assertEquals(0, Householder.generate(x, 0, 3, 1));
        assertEquals(2, x[0]);
    }
}
