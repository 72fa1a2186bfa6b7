package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class EuclideanComparisonTest {

    @Test
    void exactAffineImageGivesZeroErrorAndRecoversTheMap() {
        Matrix a = gaussian(200, 6, 1, 1.0);
        Matrix t = gaussian(6, 4, 2, 1.0);
        double[] offset = {3, -1, 0.5, 7};
        Matrix b = plus(a.times(t), offset);
        AffineFit fit = AffineFit.of(a, b);
        // Well-conditioned 200 x 7 design: solution and residual at rounding level, 1e-10.
        assertEquals(0, fit.rmse(), 1e-10);
        assertClose(t, fit.map(), 1e-10);
        for (int j = 0; j < 4; j++) {
            assertEquals(offset[j], fit.offset()[j], 1e-10);
        }
        assertEquals(7, fit.designRank());
    }

    /**
     * B = A R + c with R orthogonal: distances, normalised norms and the normalised per-image
     * distances agree, the raw per-image distance of a translation alone is |c|, and both fits
     * are exact (PCA coordinates of A R equal those of A up to the sign of each direction).
     */
    @Test
    void rotationAndTranslationPreserveTheDistanceQuantities() {
        Matrix a = scaledColumns(gaussian(150, 5, 3, 1.0), new double[] {5, 4, 3, 2, 1});
        Matrix r = orthogonal(5, 4);
        double[] c = {1, 2, 3, 4, 5};
        EuclideanComparison cmp = EuclideanComparison.of(a, plus(a.times(r), c));
        assertEquals(0, cmp.meanDistanceDifference(), 1e-10);
        assertEquals(cmp.meanNormalisedNormA(), cmp.meanNormalisedNormB(), 1e-10);
        assertEquals(0, cmp.fullFit().rmse(), 1e-10);
        assertClose(r, cmp.fullFit().map(), 1e-10);
        assertEquals(0, cmp.reducedFit().rmse(), 1e-8);
        assertEquals(5, cmp.rankA());
        assertEquals(5, cmp.rankB());

        EuclideanComparison shifted = EuclideanComparison.of(a, plus(a, c));
        assertEquals(Math.sqrt(55), shifted.meanSameImageDistance().getAsDouble(), 1e-10);
        assertEquals(0, shifted.meanNormalisedSameImageDistance().getAsDouble(), 1e-10);
    }

    /**
     * Independent Gaussian B (n x q, variance s^2) regressed on A with p columns plus an
     * intercept: E[RSS] = (n - p - 1) q s^2, so RMSE^2 is about (n - p - 1) q s^2 / n. RSS / s^2
     * is chi-square with q (n - p - 1) = 5982 degrees of freedom: relative standard deviation of
     * the RMSE about 0.9%; 4% is over four of them.
     */
    @Test
    void independentNoiseMatchesTheClosedFormResidual() {
        int n = 2000;
        int p = 5;
        int q = 3;
        double s = 0.5;
        AffineFit fit = AffineFit.of(gaussian(n, p, 5, 1.0), gaussian(n, q, 6, s));
        double expected = Math.sqrt((n - p - 1) * q * s * s / n);
        assertEquals(expected, fit.rmse(), 0.04 * expected);
    }

    @Test
    void plantedRankDeficientPatchesReportTheirRanks() {
        Matrix a = gaussian(100, 3, 7, 1.0).times(gaussian(3, 12, 8, 1.0));
        Matrix b = gaussian(100, 5, 9, 1.0).times(gaussian(5, 12, 10, 1.0));
        EuclideanComparison cmp = EuclideanComparison.of(a, b, 4);
        assertEquals(3, cmp.rankA());
        assertEquals(5, cmp.rankB());
        assertEquals(4, cmp.reducedDimension());
        // The dependent design [A, 1] has rank 4; the minimum-norm map still reproduces an
        // exact image of A.
        Matrix image = plus(a.times(gaussian(12, 2, 11, 1.0)), new double[] {1, -2});
        AffineFit fit = AffineFit.of(a, image);
        assertEquals(4, fit.designRank());
        assertEquals(0, fit.rmse(), 1e-9);
        assertClose(image, plus(a.times(fit.map()), fit.offset()), 1e-9);
    }

    /** Norms and distance differences against direct sums on a hand-made pair. */
    @Test
    void normsAndDistanceDifferencesMatchDirectSums() {
        Matrix a = Matrix.wrap(3, 2, new double[] {0, 0, 3, 4, 6, 8});
        Matrix b = Matrix.wrap(3, 3, new double[] {0, 0, 0, 1, 0, 0, 0, 0, 2});
        EuclideanComparison cmp = EuclideanComparison.of(a, b, 1);
        assertEquals((0 + 5 + 10) / 3.0, cmp.meanNormA(), 1e-12);
        assertEquals((0 + 1 + 2) / 3.0, cmp.meanNormB(), 1e-12);
        // A: d01 = 5, d02 = 10, d12 = 5. B: 1, 2, sqrt(5).
        double expected = (4 + 8 + Math.abs(5 - Math.sqrt(5))) / 3;
        assertEquals(expected, cmp.meanDistanceDifference(), 1e-12);
        // Column means of A are (3, 4): normalised rows (-3,-4), (0,0), (3,4).
        assertEquals(10 / 3.0, cmp.meanNormalisedNormA(), 1e-12);
        assertFalse(cmp.meanSameImageDistance().isPresent());
    }

    /**
     * Smooth deterministic patches (30 x 8 and 30 x 5) against NumPy: norms, distance matrices
     * from broadcasting, {@code lstsq} on [X, 1], PCA from {@code eigh(cov)}
     * (/usr/bin/python3, numpy). Tolerance 1e-9: sums of a few hundred O(1) terms and
     * well-separated eigenvalues.
     */
    @Test
    void matchesNumPyOnSmoothPatches() {
        int n = 30;
        Matrix a = Matrix.zeros(n, 8);
        Matrix b = Matrix.zeros(n, 5);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                a.set(i, j, Math.sin(1 + 0.7 * i + 1.3 * j + 0.1 * i * j));
            }
            for (int j = 0; j < 5; j++) {
                b.set(i, j, Math.cos(0.5 + 0.3 * i * i / n + 0.9 * j) + 0.2 * a.get(i, j)
                        * a.get(i, j));
            }
        }
        EuclideanComparison cmp = EuclideanComparison.of(a, b, 3);
        assertEquals(1.9786810296161967, cmp.meanNormA(), 1e-9);
        assertEquals(1.5265800332593373, cmp.meanNormB(), 1e-9);
        assertEquals(1.974964803015233, cmp.meanNormalisedNormA(), 1e-9);
        assertEquals(1.182818576136566, cmp.meanDistanceDifference(), 1e-9);
        assertEquals(1.3630370189076042, cmp.fullFit().rmse(), 1e-9);
        assertEquals(1.463741598742364, cmp.reducedFit().rmse(), 1e-9);
        assertEquals(8, cmp.rankA());
        assertEquals(5, cmp.rankB());
    }

    @Test
    void mismatchedRowCountsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EuclideanComparison.of(Matrix.zeros(5, 2), Matrix.zeros(4, 2)));
        assertTrue(e.getMessage().contains("5 and 4 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AffineFit.of(Matrix.zeros(5, 2), Matrix.zeros(4, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> EuclideanComparison.of(Matrix.zeros(5, 2), Matrix.zeros(5, 2), 0));
    }

    private static Matrix gaussian(int rows, int cols, long seed, double sd) {
        Random random = new Random(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = sd * random.nextGaussian();
        }
        return m;
    }

    private static Matrix scaledColumns(Matrix m, double[] scale) {
        Matrix out = m.copy();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out.set(i, j, m.get(i, j) * scale[j]);
            }
        }
        return out;
    }

    private static Matrix plus(Matrix m, double[] row) {
        Matrix out = m.copy();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out.set(i, j, m.get(i, j) + row[j]);
            }
        }
        return out;
    }

    /** Gram-Schmidt of a seeded Gaussian matrix: an orthogonal k x k matrix. */
    private static Matrix orthogonal(int k, long seed) {
        Matrix q = gaussian(k, k, seed, 1.0);
        for (int c = 0; c < k; c++) {
            for (int prev = 0; prev < c; prev++) {
                double dot = 0;
                for (int i = 0; i < k; i++) {
                    dot += q.get(i, c) * q.get(i, prev);
                }
                for (int i = 0; i < k; i++) {
                    q.set(i, c, q.get(i, c) - dot * q.get(i, prev));
                }
            }
            double norm = 0;
            for (int i = 0; i < k; i++) {
                norm += q.get(i, c) * q.get(i, c);
            }
            for (int i = 0; i < k; i++) {
                q.set(i, c, q.get(i, c) / Math.sqrt(norm));
            }
        }
        return q;
    }

    private static void assertClose(Matrix expected, Matrix actual, double tol) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], actual.data()[i], tol, "entry " + i);
        }
    }
}
