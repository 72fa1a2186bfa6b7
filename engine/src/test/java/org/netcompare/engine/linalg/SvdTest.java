package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.parallel.Parallelism;

/**
 * Contract of {@link Svd} on every {@link TestMatrices} case. Error bounds are c max(m, n) eps
 * relative to ||A|| (GVL section 8.6.3: the computed factors are exact for a matrix within
 * that distance of A); c = 10 leaves room for the bound's constants but not for a wrong rotation,
 * which gives errors of order 1.
 */
class SvdTest {

    private static final double EPS = Math.ulp(1.0);

    private static double bound(Matrix a) {
        return 10 * Math.max(1, Math.max(a.rows(), a.cols())) * EPS;
    }

    private static Matrix reconstruct(Matrix u, double[] s, Matrix v) {
        Matrix us = u.copy();
        for (int i = 0; i < us.rows(); i++) {
            for (int j = 0; j < us.cols(); j++) {
                us.set(i, j, j < s.length ? us.get(i, j) * s[j] : 0);
            }
        }
        Matrix vt = v.transpose();
        Matrix padded = Matrix.zeros(us.cols(), vt.cols());
        for (int i = 0; i < Math.min(us.cols(), vt.rows()); i++) {
            for (int j = 0; j < vt.cols(); j++) {
                padded.set(i, j, vt.get(i, j));
            }
        }
        return us.times(padded);
    }

    private static void checkFactors(TestMatrices.Case c, boolean full) {
        Matrix a = c.matrix();
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        Svd svd = new Svd(true, true, full);
        svd.decompose(a);
        double[] s = svd.singularValues();
        Matrix u = svd.getU();
        Matrix v = svd.getV();
        assertEquals(m, u.rows(), c.name());
        assertEquals(full ? m : k, u.cols(), c.name());
        assertEquals(n, v.rows(), c.name());
        assertEquals(full ? n : k, v.cols(), c.name());
        for (int i = 0; i < k; i++) {
            assertTrue(s[i] >= 0 && (i == 0 || s[i - 1] >= s[i]), c.name() + " order at " + i);
        }
        double bound = bound(a);
        double scale = Math.max(a.frobeniusNorm(), Double.MIN_NORMAL);
        Matrix rebuilt = reconstruct(u, s, v);
        assertTrue(TestMatrices.relativeDifference(a, rebuilt) <= bound,
                c.name() + " full=" + full + " reconstruction "
                        + TestMatrices.relativeDifference(a, rebuilt));
        assertTrue(TestMatrices.orthogonalityError(u) <= bound,
                c.name() + " U orthogonality " + TestMatrices.orthogonalityError(u));
        assertTrue(TestMatrices.orthogonalityError(v) <= bound,
                c.name() + " V orthogonality " + TestMatrices.orthogonalityError(v));
        if (c.singularValues() != null) {
            assertArrayEquals(c.singularValues(), s, bound * scale, c.name());
        }
    }

    @Test
    void thinAndFullFactorsOfEveryStandardCase() {
        for (TestMatrices.Case c : TestMatrices.standardCases()) {
            checkFactors(c, false);
            checkFactors(c, true);
        }
    }

    @Test
    void largerRandomShapesCrossTheKernelBlockEdges() {
        Random random = new Random(17);
        for (int[] shape : new int[][] {{70, 70}, {131, 45}, {45, 131}, {97, 96}}) {
            checkFactors(TestMatrices.random(shape[0] + "x" + shape[1], shape[0], shape[1],
                    random), false);
        }
    }

    @Test
    void valuesOnlyMatchTheValuesWithVectors() {
        for (TestMatrices.Case c : TestMatrices.standardCases()) {
            Svd both = new Svd(true, true, false);
            Svd none = new Svd(false, false, false);
            both.decompose(c.matrix());
            none.decompose(c.matrix());
            assertArrayEquals(both.singularValues(), none.singularValues(),
                    bound(c.matrix()) * c.matrix().frobeniusNorm(), c.name());
            assertThrows(IllegalStateException.class, none::getU);
            assertThrows(IllegalStateException.class, none::getV);
        }
    }

    @Test
    void rankCountsValuesAboveTheTolerance() {
        for (TestMatrices.Case c : TestMatrices.standardCases()) {
            Svd svd = new Svd(false, false, false);
            svd.decompose(c.matrix());
            double[] known = c.singularValues();
            if (known == null) {
                continue;
            }
            Matrix a = c.matrix();
            double tolerance = Math.max(a.rows(), a.cols()) * EPS * known[0];
            int expected = 0;
            for (double value : known) {
                // Every planted value is exactly 0 or far above the tolerance (1e-12 vs ~1e-15
                // for the worst-conditioned case), so rounding cannot move it across.
                assertTrue(value == 0 || value > 100 * tolerance, c.name());
                if (value > 0) {
                    expected++;
                }
            }
            assertEquals(expected, svd.rank(), c.name());
        }
        Svd svd = new Svd(false, false, false);
        svd.decompose(Matrix.diagonal(4, 2, 1e-3));
        assertEquals(2, svd.rank(1e-2));
        assertEquals(3, svd.rank(0));
        assertThrows(IllegalArgumentException.class, () -> svd.rank(Double.NaN));
    }

    @Test
    void numpyValuesOfAFixedMatrix() {
        // numpy.linalg.svd(a, compute_uv=False) for this a
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}, {-1, 0, 2}});
        double[] numpy = {17.436984282741232, 2.2028674771350567, 0.31456954972769696};
        Svd svd = new Svd(false, false, false);
        svd.decompose(a);
        assertArrayEquals(numpy, svd.singularValues(), 1e-13);
    }

    @Test
    void rankOneMatricesWhoseRemaindersDecayTowardsUnderflow() {
        // All-ones m x n: one singular value sqrt(m n). After the first step the bidiagonal
        // holds rounding-level entries that shrink geometrically towards underflow.
        for (int[] shape : new int[][] {{50, 30}, {30, 50}, {40, 40}, {90, 30}}) {
            Matrix a = Matrix.zeros(shape[0], shape[1]);
            java.util.Arrays.fill(a.data(), 1);
            double[] expected = new double[Math.min(shape[0], shape[1])];
            expected[0] = Math.sqrt(shape[0] * shape[1]);
            checkFactors(new TestMatrices.Case("ones " + shape[0] + "x" + shape[1], a, expected),
                    false);
        }
    }

    @Test
    void emptyMatricesGiveEmptyOrIdentityFactors() {
        for (int[] shape : new int[][] {{3, 0}, {0, 3}, {0, 0}}) {
            Matrix a = Matrix.zeros(shape[0], shape[1]);
            Svd thin = new Svd(true, true, false);
            thin.decompose(a);
            assertEquals(0, thin.singularValues().length);
            assertEquals(0, thin.rank());
            assertEquals(shape[0], thin.getU().rows());
            assertEquals(0, thin.getU().cols());
            assertEquals(0, thin.getV().cols());
            Svd full = new Svd(true, true, true);
            full.decompose(a);
            assertArrayEquals(Matrix.identity(shape[0]).data(), full.getU().data(), 0);
            assertArrayEquals(Matrix.identity(shape[1]).data(), full.getV().data(), 0);
        }
    }

    @Test
    void exactZerosOnTheBidiagonalAreRotatedAway() {
        // Already bidiagonal, so the reduction leaves them alone and the QR sees the zeros:
        // last diagonal entry zero (column chase), middle one zero (row chase), first one zero.
        double[][][] matrices = {
            {{1, 1, 0, 0}, {0, 2, 1, 0}, {0, 0, 3, 1}, {0, 0, 0, 0}},
            {{1, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 3, 1}, {0, 0, 0, 2}},
            {{0, 1, 0}, {0, 2, 1}, {0, 0, 3}},
        };
        double[][] numpy = { // numpy.linalg.svd(a, compute_uv=False)
            {3.388875651148427, 2.1782452605349505, 0.8779347390383583, 0.0},
            {3.377147440955654, 1.8960156017413659, 1.414213562373095, 0.0},
            {3.2713242148580175, 2.073267440848762, 0.0},
        };
        for (int i = 0; i < matrices.length; i++) {
            Matrix a = Matrix.of(matrices[i]);
            TestMatrices.Case c = new TestMatrices.Case("bidiagonal " + i, a, numpy[i]);
            checkFactors(c, false);
            checkFactors(new TestMatrices.Case("transposed " + i, a.transpose(), numpy[i]), true);
        }
    }

    @Test
    void valuesNearUnderflowAndOverflowKeepTheirRelativeAccuracy() {
        Random random = new Random(23);
        for (double scale : new double[] {1e-305, 1e-160, 1e160, 1e300}) {
            double[] s = {3 * scale, 2 * scale, scale};
            checkFactors(TestMatrices.withSingularValues("scaled " + scale, 6, 3, s, random),
                    false);
        }
    }

    @Test
    void workspacesAreReusedAcrossShapes() {
        Random random = new Random(31);
        Svd svd = new Svd(true, true, false);
        TestMatrices.Case first = TestMatrices.random("first", 12, 5, random);
        TestMatrices.Case second = TestMatrices.random("second", 5, 12, random);
        svd.decompose(first.matrix());
        svd.decompose(second.matrix());
        svd.decompose(first.matrix());
        Svd fresh = new Svd(true, true, false);
        fresh.decompose(first.matrix());
        assertArrayEquals(fresh.singularValues(), svd.singularValues(), 0);
        assertArrayEquals(fresh.getU().data(), svd.getU().data(), 0);
    }

    @Test
    void gettersFillTheCallersStorage() {
        Matrix a = TestMatrices.random("9x4", 9, 4, new Random(47)).matrix();
        Svd svd = new Svd(true, true, false);
        svd.decompose(a);
        Matrix u = Matrix.zeros(9, 4);
        Matrix v = Matrix.zeros(4, 4);
        assertTrue(u == svd.getU(u));
        assertTrue(v == svd.getV(v));
        assertArrayEquals(svd.getU().data(), u.data(), 0);
        assertArrayEquals(svd.getV().data(), v.data(), 0);
        assertThrows(IllegalArgumentException.class, () -> svd.getU(Matrix.zeros(9, 9)));
    }

    @Test
    void badInputIsRejected() {
        Svd svd = new Svd(true, true, false);
        assertThrows(IllegalStateException.class, svd::singularValues);
        assertThrows(IllegalArgumentException.class,
                () -> svd.decompose(Matrix.of(new double[][] {{1, Double.NaN}})));
        assertThrows(IllegalArgumentException.class,
                () -> svd.decompose(Matrix.of(new double[][] {{Double.NEGATIVE_INFINITY}})));
    }
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Matrix a = TestMatrices.random("300x260", 300, 260, new Random(41)).matrix();
        int threads = Parallelism.threads();
        try {
            Parallelism.setThreads(1);
            Svd serial = new Svd(true, true, false);
            serial.decompose(a);
            Parallelism.setThreads(3);
            Svd parallel = new Svd(true, true, false);
            parallel.decompose(a);
            assertArrayEquals(serial.singularValues(), parallel.singularValues(), 0);
            assertArrayEquals(serial.getU().data(), parallel.getU().data(), 0);
            assertArrayEquals(serial.getV().data(), parallel.getV().data(), 0);
        } finally {
            Parallelism.setThreads(threads);
        }
    }
}
