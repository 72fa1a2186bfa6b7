package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PseudoInverseTest {

    private static final double EPS = Math.ulp(1.0);

    private static double largestEntry(Matrix a) {
        double worst = 0;
        for (double v : a.data()) {
            worst = Math.max(worst, Math.abs(v));
        }
        return worst;
    }

    private static Matrix minus(Matrix a, Matrix b) {
        Matrix out = a.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] -= b.data()[i];
        }
        return out;
    }

    /**
     * The four Penrose conditions. Perturbing A by eps ||A|| moves the kept part of A^+ by
     * about kappa^2 eps ||A^+|| (kappa = s_max / s_min kept; Wedin's bound, GVL section 5.5.5),
     * so each residual is held to 100 max(m, n) eps kappa^2 in its natural scale.
     */
    @Test
    void penroseConditionsHoldForEveryStandardCase() {
        for (TestMatrices.Case c : TestMatrices.standardCases()) {
            Matrix a = c.matrix();
            Matrix x = PseudoInverse.of(a);
            assertEquals(a.cols(), x.rows(), c.name());
            assertEquals(a.rows(), x.cols(), c.name());
            Svd svd = new Svd(false, false, false);
            svd.decompose(a);
            double[] s = svd.singularValues();
            int rank = svd.rank();
            double kappa = rank == 0 ? 1 : s[0] / s[rank - 1];
            double bound = 100 * Math.max(a.rows(), a.cols()) * EPS * kappa * kappa;
            double normA = Math.max(largestEntry(a), Double.MIN_NORMAL);
            double normX = Math.max(largestEntry(x), Double.MIN_NORMAL);
            Matrix ax = a.times(x);
            Matrix xa = x.times(a);
            assertTrue(largestEntry(minus(ax.times(a), a)) <= bound * normA, c.name() + " AXA");
            assertTrue(largestEntry(minus(xa.times(x), x)) <= bound * normX, c.name() + " XAX");
            assertTrue(largestEntry(minus(ax, ax.transpose())) <= bound, c.name() + " AX sym");
            assertTrue(largestEntry(minus(xa, xa.transpose())) <= bound, c.name() + " XA sym");
        }
    }

    @Test
    void fullColumnRankGivesTheNormalEquationsInverse() {
        // (A^T A)^{-1} A^T worked by hand: A^T A = [[5, 10], [10, 21]], determinant 5.
        Matrix a = Matrix.of(new double[][] {{1, 2}, {2, 4}, {0, 1}});
        double[] expected = {0.2, 0.4, -2, 0, 0, 1};
        assertArrayEquals(expected, PseudoInverse.of(a).data(), 1e-14);
    }

    @Test
    void relativeToleranceDropsSmallSingularValues() {
        Matrix a = Matrix.diagonal(2, 1e-10);
        assertArrayEquals(new double[] {0.5, 0, 0, 1e10}, PseudoInverse.of(a).data(), 1e-3);
        assertArrayEquals(new double[] {0.5, 0, 0, 0}, PseudoInverse.of(a, 1e-8).data(), 0);
        assertArrayEquals(new double[6], PseudoInverse.of(Matrix.zeros(3, 2)).data(), 0);
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> PseudoInverse.of(a, bad));
        }
    }
}
