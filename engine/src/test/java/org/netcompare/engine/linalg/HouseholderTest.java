package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The closed form (Golub and Van Loan, 4th ed., section 5.1.2) of the reflector for y:
     * {beta, tau, v_1, ..., v_{n-1}} with beta = -sign(y_0) ||y||, tau = (beta - y_0) / beta,
     * v_i = y_i / (y_0 - beta); all but beta are unchanged when y is scaled.
     */
    private static double[] closedForm(double[] y) {
        double sumOfSquares = 0;
        for (double value : y) {
            sumOfSquares += value * value;
        }
        double beta = -Math.copySign(Math.sqrt(sumOfSquares), y[0]);
        double[] form = new double[y.length + 1];
        form[0] = beta;
        form[1] = (beta - y[0]) / beta;
        for (int i = 1; i < y.length; i++) {
            form[i + 1] = y[i] / (y[0] - beta);
        }
        return form;
    }

    /**
     * Vectors of moderate entries y scaled by s from near underflow to near overflow, and tails
     * near underflow beside a unit first entry: generate(s y) must give tau and v of y and
     * beta = s beta(y). The entries s y are normal numbers, rounded once (eps / 2 relative),
     * so 1e-14 relative leaves room for a few roundings in the norm; H must stay orthogonal
     * (H^T H = I, every entry within 1e-14) and map y onto beta(y) e_1.
     */
    @Test
    void extremeScalesGiveTheClosedFormReflector() {
        Random random = new Random(11);
        for (double s : new double[] {1e-300, 1e-250, 1e250, 1e300, 1e307}) {
            for (boolean unitHead : new boolean[] {false, true}) {
                if (unitHead && s > 1) {
                    continue;
                }
                int n = 6;
                // x = scale * y; a unit head keeps scale 1 and puts s on the tail only.
                double scale = unitHead ? 1 : s;
                double[] y = new double[n];
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    double entry = random.nextGaussian();
                    y[i] = unitHead ? (i == 0 ? 1 : s * entry) : entry;
                    x[i] = scale * y[i];
                }
                double[] expected = closedForm(y);
                double[] stored = x.clone();
                double tau = Householder.generate(stored, 0, n, 1);
                String at = "scale " + s + (unitHead ? ", unit head" : "");
                assertEquals(expected[0], stored[0] / scale, 1e-14 * Math.abs(expected[0]), at);
                assertEquals(expected[1], tau, 1e-14 * tau, at);
                double[] v = stored.clone();
                v[0] = 1;
                for (int i = 1; i < n; i++) {
                    assertEquals(expected[i + 1], v[i], 1e-14 * Math.max(1e-300, Math.abs(
                            expected[i + 1])), at + ", v" + i);
                }
                assertOrthogonalAndMapsOntoFirstAxis(tau, v, y, expected[0], at);
            }
        }
    }

    /** Pythagorean quadruples scaled by powers of two: exact at every scale, subnormal ones too. */
    @Test
    void exactVectorsAtTheEndsOfTheDoubleRange() {
        for (double s : new double[] {0x1p-1070, 0x1p-1060, 0x1p-1000, 0x1p1000, 0x1p1020}) {
            for (double sign : new double[] {1, -1}) {
                double[] x = {sign * 3 * s, 4 * s, 12 * s};
                double tau = Householder.generate(x, 0, 3, 1);
                String at = "scale " + s + ", sign " + sign;
                // ||(4, 12)|| = sqrt(160) is rounded, so beta may be one ulp off 13 s.
                assertEquals(-sign * 13 * s, x[0], Math.ulp(13 * s), at);
                assertEquals(16.0 / 13, tau, 1e-15, at);
                assertEquals(sign * 4.0 / 16, x[1], 1e-16, at);
                assertEquals(sign * 12.0 / 16, x[2], 1e-16, at);
                assertTrue(Double.isFinite(x[1]) && Double.isFinite(x[2]), at);
            }
        }
    }

    private static void assertOrthogonalAndMapsOntoFirstAxis(double tau, double[] v, double[] y,
            double beta, String at) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            double[] column = new double[n];
            column[i] = 1;
            double[] hColumn = reflect(tau, v, column);
            for (int j = 0; j < n; j++) {
                double[] other = new double[n];
                other[j] = 1;
                double[] hOther = reflect(tau, v, other);
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += hColumn[r] * hOther[r];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-14, at + ", (H^T H)[" + i + "][" + j + "]");
            }
        }
        double[] image = reflect(tau, v, y);
        assertEquals(beta, image[0], 1e-14 * Math.abs(beta), at);
        for (int i = 1; i < n; i++) {
            assertEquals(0, image[i], 1e-14 * Math.abs(beta), at + ", entry " + i);
        }
    }
}
