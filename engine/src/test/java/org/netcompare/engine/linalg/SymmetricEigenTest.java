package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.parallel.Parallelism;

class SymmetricEigenTest {

    private static final double EPS = Math.ulp(1.0);

    /** Q diag(lambda) Q^T with a seeded random orthogonal Q. */
    static Matrix withSpectrum(double[] lambda, Random random) {
        int n = lambda.length;
        Matrix q = TestMatrices.randomOrthogonal(n, random);
        Matrix a = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < n; p++) {
                    sum += q.get(i, p) * lambda[p] * q.get(j, p);
                }
                a.set(i, j, sum);
                a.set(j, i, sum);
            }
        }
        return a;
    }

    private static Matrix randomSymmetric(int n, Random random) {
        Matrix a = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = random.nextGaussian();
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    /**
     * Backward-stability checks: ||A - V diag(lambda) V^T|| and ||V^T V - I|| (largest entry)
     * stay within a small multiple of n eps (times ||A|| for the first). The factor 10 leaves
     * room for the constants of GVL's error bounds (section 8.3.6), not for a wrong answer: a
     * single misplaced rotation gives errors of order 1.
     */
    private static SymmetricEigen checkedDecomposition(Matrix a) {
        int n = a.rows();
        SymmetricEigen eigen = new SymmetricEigen(true);
        eigen.decompose(a);
        double[] lambda = eigen.eigenvalues();
        Matrix v = eigen.eigenvectors();
        for (int i = 1; i < n; i++) {
            assertTrue(lambda[i - 1] >= lambda[i], "eigenvalues not descending at " + i);
        }
        Matrix rebuilt = v.times(Matrix.diagonal(lambda)).times(v.transpose());
        double bound = 10 * Math.max(n, 1) * EPS;
        assertTrue(TestMatrices.relativeDifference(a, rebuilt) <= bound,
                "reconstruction error " + TestMatrices.relativeDifference(a, rebuilt));
        assertTrue(TestMatrices.orthogonalityError(v) <= bound,
                "orthogonality error " + TestMatrices.orthogonalityError(v));
        return eigen;
    }

    private static double[] descending(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double t = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = t;
        }
        return sorted;
    }

    private static void assertSpectrum(double[] expected, double[] actual, double norm) {
        int n = expected.length;
        assertArrayEquals(descending(expected), actual, 10 * n * EPS * Math.max(norm, 1e-300));
    }

    @Test
    void diagonalMatrixGivesItsEntriesAndUnitVectors() {
        double[] entries = {3, -1, 7, 0, 2.5};
        SymmetricEigen eigen = checkedDecomposition(Matrix.diagonal(entries));
        assertArrayEquals(new double[] {7, 3, 2.5, 0, -1}, eigen.eigenvalues(), 0);
        Matrix v = eigen.eigenvectors();
        assertEquals(1, Math.abs(v.get(2, 0)), 0);
        assertEquals(1, Math.abs(v.get(1, 4)), 0);
    }

    @Test
    void tridiagonalToeplitzMatchesTheClosedForm() {
        // a on the diagonal, b beside it: lambda_j = a + 2 b cos(j pi / (n + 1)), j = 1..n,
        // with eigenvectors v_j(i) = sin(i j pi / (n + 1)).
        for (int n : new int[] {1, 2, 9, 64, 201}) {
            double a = 1.5;
            double b = -0.75;
            Matrix t = Matrix.zeros(n, n);
            for (int i = 0; i < n; i++) {
                t.set(i, i, a);
                if (i + 1 < n) {
                    t.set(i, i + 1, b);
                    t.set(i + 1, i, b);
                }
            }
            double[] expected = new double[n];
            for (int j = 1; j <= n; j++) {
                expected[j - 1] = a + 2 * b * Math.cos(j * Math.PI / (n + 1));
            }
            SymmetricEigen eigen = checkedDecomposition(t);
            assertSpectrum(expected, eigen.eigenvalues(), Math.abs(a) + 2 * Math.abs(b));
        }
    }

    @Test
    void twoByTwoMatchesTheClosedForm() {
        // [[a, b], [b, c]]: lambda = (a + c)/2 +- sqrt(((a - c)/2)^2 + b^2)
        double a = 2;
        double b = -3;
        double c = 0.5;
        double mid = (a + c) / 2;
        double radius = Math.hypot((a - c) / 2, b);
        SymmetricEigen eigen = checkedDecomposition(Matrix.of(new double[][] {{a, b}, {b, c}}));
        assertArrayEquals(new double[] {mid + radius, mid - radius}, eigen.eigenvalues(),
                4 * EPS * radius);
        Matrix v = eigen.eigenvectors();
        // (A - lambda I) v = 0 for the first column
        double r0 = (a - mid - radius) * v.get(0, 0) + b * v.get(1, 0);
        assertEquals(0, r0, 8 * EPS * radius);
    }

    @Test
    void plantedSpectraAreRecovered() {
        Random random = new Random(11);
        double[][] spectra = {
            {5, 4, 3, 2, 1, 0.5, -0.25, -2},
            {1, 1, 1, 1, 1, 1},
            {2, 2, 2, -1, -1, 3, 3, 0, 0, 0},
            {1, 1 + 1e-12, 1 - 1e-12, 1 + 2e-12, 4, 4 + 1e-14},
            {1e-3, 1e-6, 1e-9, 1, 1e3, -1e-9},
        };
        for (double[] spectrum : spectra) {
            Matrix a = withSpectrum(spectrum, random);
            SymmetricEigen eigen = checkedDecomposition(a);
            assertSpectrum(spectrum, eigen.eigenvalues(), a.frobeniusNorm());
        }
    }

    @Test
    void randomMatricesOfManySizesAreBackwardStable() {
        Random random = new Random(5);
        for (int n : new int[] {1, 2, 3, 4, 7, 16, 33, 80, 150}) {
            checkedDecomposition(randomSymmetric(n, random));
        }
    }

    @Test
    void singularValuesOfTestMatricesAreTheSquareRootsOfGramEigenvalues() {
        for (TestMatrices.Case c : TestMatrices.standardCases()) {
            if (c.singularValues() == null || c.matrix().rows() < c.matrix().cols()) {
                continue;
            }
            Matrix m = c.matrix();
            Matrix gram = m.transpose().times(m);
            SymmetricEigen eigen = checkedDecomposition(gram);
            double[] s = c.singularValues();
            double[] squares = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                squares[i] = s[i] * s[i];
            }
            // The Gram product itself carries rounding of order eps ||M||^2 per entry.
            assertArrayEquals(squares, eigen.eigenvalues(),
                    20 * m.cols() * EPS * s[0] * s[0] + Double.MIN_VALUE, c.name());
        }
    }

    @Test
    void rankOneMatrixWhoseRemaindersDecayTowardsUnderflow() {
        int n = 50;
        Matrix ones = Matrix.zeros(n, n);
        java.util.Arrays.fill(ones.data(), 1);
        double[] expected = new double[n];
        expected[0] = n;
        assertSpectrum(expected, checkedDecomposition(ones).eigenvalues(), n);
    }

    @Test
    void zeroAndEmptyAndOneByOne() {
        SymmetricEigen eigen = checkedDecomposition(Matrix.zeros(4, 4));
        assertArrayEquals(new double[4], eigen.eigenvalues(), 0);
        eigen = checkedDecomposition(Matrix.of(new double[][] {{-3.5}}));
        assertArrayEquals(new double[] {-3.5}, eigen.eigenvalues(), 0);
        assertEquals(1, Math.abs(eigen.eigenvectors().get(0, 0)), 0);
        eigen = new SymmetricEigen(true);
        eigen.decompose(Matrix.zeros(0, 0));
        assertEquals(0, eigen.eigenvalues().length);
    }

    @Test
    void extremeScalesNeitherOverflowNorUnderflow() {
        Random random = new Random(3);
        for (double scale : new double[] {1e-300, 1e300}) {
            double[] spectrum = {3 * scale, -2 * scale, scale, 0.5 * scale};
            Matrix a = withSpectrum(spectrum, random);
            SymmetricEigen eigen = checkedDecomposition(a);
            assertSpectrum(spectrum, eigen.eigenvalues(), a.frobeniusNorm());
        }
    }

    @Test
    void workspacesAreReusedAcrossCallsWithoutLeakingState() {
        Random random = new Random(8);
        Matrix a = randomSymmetric(20, random);
        Matrix b = randomSymmetric(20, random);
        SymmetricEigen fresh = new SymmetricEigen(false);
        fresh.decompose(b);
        SymmetricEigen reused = new SymmetricEigen(false);
        reused.decompose(a);
        reused.decompose(b);
        assertArrayEquals(fresh.eigenvalues(), reused.eigenvalues(), 0);
        assertThrows(IllegalStateException.class, reused::eigenvectors);
    }

    @Test
    void eigenvectorsFillTheCallersStorage() {
        Matrix a = randomSymmetric(6, new Random(49));
        SymmetricEigen eigen = new SymmetricEigen(true);
        eigen.decompose(a);
        Matrix out = Matrix.zeros(6, 6);
        assertTrue(out == eigen.eigenvectors(out));
        assertArrayEquals(eigen.eigenvectors().data(), out.data(), 0);
        assertThrows(IllegalArgumentException.class, () -> eigen.eigenvectors(Matrix.zeros(5, 6)));
    }

    @Test
    void badInputIsRejected() {
        SymmetricEigen eigen = new SymmetricEigen(true);
        assertThrows(IllegalArgumentException.class, () -> eigen.decompose(Matrix.zeros(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> eigen.decompose(Matrix.of(new double[][] {{1, 2}, {2.001, 1}})));
        assertThrows(IllegalArgumentException.class,
                () -> eigen.decompose(
                        Matrix.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}})));
        assertThrows(IllegalArgumentException.class,
                () -> eigen.decompose(Matrix.diagonal(1, Double.POSITIVE_INFINITY)));
        assertThrows(IllegalStateException.class, eigen::eigenvalues);
    }
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Matrix a = randomSymmetric(300, new Random(43));
        int threads = Parallelism.threads();
        try {
            Parallelism.setThreads(1);
            SymmetricEigen serial = new SymmetricEigen(true);
            serial.decompose(a);
            Parallelism.setThreads(3);
            SymmetricEigen parallel = new SymmetricEigen(true);
            parallel.decompose(a);
            assertArrayEquals(serial.eigenvalues(), parallel.eigenvalues(), 0);
            assertArrayEquals(serial.eigenvectors().data(), parallel.eigenvectors().data(), 0);
        } finally {
            Parallelism.setThreads(threads);
        }
    }
}
