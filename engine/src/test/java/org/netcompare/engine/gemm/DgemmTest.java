package org.netcompare.engine.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netcompare.engine.parallel.Parallelism;

class DgemmTest {

    private static final double EPS = Math.ulp(1.0);

    /** Both kernels; surefire runs with the Vector API module, so both can run. */
    static Stream<DoubleKernel> kernels() {
        assertNotNull(Dgemm.vectorKernel(),
                "surefire runs with --add-modules jdk.incubator.vector");
        return Stream.of(Dgemm.vectorKernel(), Dgemm.scalarKernel());
    }

    /**
     * Sizes around the tile edges (MR 4 or 6, NR 4, 8 or 16), across KC = 256 (k = 257, 513),
     * vectors (1 x N, N x 1, k = 1) and empty products.
     */
    static Stream<Arguments> cases() {
        int[][] sizes = {{1, 1, 1}, {1, 37, 5}, {37, 1, 5}, {5, 7, 1}, {7, 17, 3}, {13, 33, 257},
            {61, 19, 513}, {100, 130, 64}, {0, 5, 3}, {5, 0, 3}, {5, 3, 0}, {0, 0, 0}};
        return kernels().flatMap(kernel -> Stream.of(false, true).flatMap(trans ->
                Arrays.stream(sizes).map(s -> Arguments.of(kernel, trans, s[0], s[1], s[2]))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTripleLoopWithinForwardErrorBound(DoubleKernel kernel, boolean transA, int m,
            int n, int k) {
        Random random = new Random(31L * m + 7L * n + k);
        double[] a = random(random, m * k);
        double[] b = random(random, k * n);
        double[] c = new double[m * n];
        Arrays.fill(c, Double.NaN);
        Dgemm.multiply(kernel, transA, m, n, k, a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double product = (transA ? a[p * m + i] : a[i * k + p]) * b[p * n + j];
                    sum += product;
                    abs += Math.abs(product);
                }
                // Any summation order of k products has |error| <= k eps sum|a||b| (Higham,
                // Accuracy and Stability of Numerical Algorithms, 2nd ed., section 3.1, with
                // gamma_k ~ k u, u = eps / 2); the reference carries the same bound, hence 2 k eps.
                double tolerance = 2 * k * EPS * abs;
                assertEquals(sum, c[i * n + j], tolerance, "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void exactOnSmallIntegers() {
        // Integer entries below 2^26 make every product and partial sum exact, whatever the order.
        int m = 23;
        int n = 29;
        int k = 300;
        Random random = new Random(5);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(201) - 100;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(201) - 100;
        }
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    expected[i * n + j] += a[i * k + p] * b[p * n + j];
                }
            }
        }
        kernels().forEach(kernel -> {
            double[] c = new double[m * n];
            Dgemm.multiply(kernel, false, m, n, k, a, b, c);
            assertArrayEquals(expected, c);
        });
    }

    @Test
    void vectorAndScalarPathsRoundIdentically() {
        Random random = new Random(11);
        int m = 45;
        int n = 70;
        int k = 600;
        double[] a = random(random, m * k);
        double[] b = random(random, k * n);
        double[] vector = new double[m * n];
        double[] scalar = new double[m * n];
        Dgemm.multiply(Dgemm.vectorKernel(), false, m, n, k, a, b, vector);
        Dgemm.multiply(Dgemm.scalarKernel(), false, m, n, k, a, b, scalar);
        assertArrayEquals(vector, scalar);
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        // Large enough to go parallel (m n min(k, 256) above 128 * 128 * 256) with uneven edges.
        Random random = new Random(3);
        int m = 301;
        int n = 277;
        int k = 530;
        double[] a = random(random, m * k);
        double[] b = random(random, k * n);
        int before = Parallelism.threads();
        try {
            double[][] reference = new double[2][];
            for (int threads : new int[] {1, 2, 3, 5}) {
                Parallelism.setThreads(threads);
                for (int transposed = 0; transposed < 2; transposed++) {
                    double[] c = new double[m * n];
                    Dgemm.multiply(transposed == 1, m, n, k, a, b, c);
                    if (reference[transposed] == null) {
                        reference[transposed] = c;
                    }
                    assertArrayEquals(reference[transposed], c,
                            threads + " threads, transA " + (transposed == 1));
                }
            }
        } finally {
            Parallelism.setThreads(before);
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> Dgemm.multiply(false, -1, 2, 2, new double[0], new double[4], new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dgemm.multiply(false, 2, 2, 2, new double[3], new double[4], new double[4]));
        assertTrue(e.getMessage().contains("A needs 4"), e.getMessage());
    }

    @Test
    void namesThePathTaken() {
        assertTrue(Dgemm.implementation().startsWith("vector"), Dgemm.implementation());
    }

    private static double[] random(Random random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
