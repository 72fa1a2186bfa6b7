package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Gauss-equation tensor against a brute-force evaluation over all index quadruples. */
class CurvatureTest {

    private static SecondFundamentalForm random(int d, int codim, long seed) {
        Random random = new Random(seed);
        double[] h = new double[codim * d * d];
        for (int a = 0; a < codim; a++) {
            for (int k = 0; k < d; k++) {
                for (int l = k; l < d; l++) {
                    double v = random.nextGaussian();
                    h[(a * d + k) * d + l] = v;
                    h[(a * d + l) * d + k] = v;
                }
            }
        }
        return new SecondFundamentalForm(d, codim, h);
    }

    private static double gauss(SecondFundamentalForm h, int i, int j, int k, int l) {
        double sum = 0;
        for (int a = 0; a < h.codimension(); a++) {
            sum += h.get(a, i, k) * h.get(a, j, l) - h.get(a, i, l) * h.get(a, j, k);
        }
        return sum;
    }

    /**
     * Every quadruple's value, checked for the symmetries R_ijkl = -R_jikl = -R_ijlk = R_klij;
     * the classes i &lt; j, k &lt; l, (i, j) &lt;= (k, l) listed, sorted, and compared.
     */
    @Test
    void riemannHoldsOneEntryPerSymmetryClass() {
        int d = 4;
        SecondFundamentalForm h = random(d, 3, 11);
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        double r = gauss(h, i, j, k, l);
                        assertEquals(-r, gauss(h, j, i, k, l), 1e-12);
                        assertEquals(-r, gauss(h, i, j, l, k), 1e-12);
                        assertEquals(r, gauss(h, k, l, i, j), 1e-12);
                        boolean representative = i < j && k < l
                                && (i < k || (i == k && j <= l));
                        if (representative) {
                            expected.add(r);
                        }
                    }
                }
            }
        }
        assertEquals(21, expected.size(), "6 pairs give 6 * 7 / 2 classes");
        expected.sort(Comparator.reverseOrder());
        double[] want = expected.stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(want, Curvature.riemann(h), 1e-12);
    }

    /** K(e_i, e_j) = sum_alpha h_ii h_jj - h_ij^2, each pair once, sorted descending. */
    @Test
    void sectionalCurvaturesAreTheDiagonalRiemannEntries() {
        int d = 5;
        SecondFundamentalForm h = random(d, 4, 12);
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double k = 0;
                for (int a = 0; a < 4; a++) {
                    k += h.get(a, i, i) * h.get(a, j, j) - h.get(a, i, j) * h.get(a, i, j);
                }
                expected.add(k);
            }
        }
        expected.sort(Comparator.reverseOrder());
        double[] want = expected.stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(want, Curvature.sectional(h), 1e-12);
    }

    @Test
    void oneDimensionHasNoCurvatureEntries() {
        SecondFundamentalForm h = new SecondFundamentalForm(1, 2, new double[] {1, 2});
        assertEquals(0, Curvature.riemann(h).length);
        assertEquals(0, Curvature.sectional(h).length);
    }
}
