package org.netcompare.engine.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netcompare.engine.parallel.Parallelism;

class SgemmTest {

    private static final float EPS = Math.ulp(1f);
    /** Marks C elements outside the view; must survive every call. */
    private static final float SENTINEL = -12345.5f;

    /**
     * Every micro-kernel: both vector tile shapes (whichever this machine uses) and the scalar
     * one; surefire starts the JVM with the Vector API module, so all of them can run.
     */
    static Stream<MicroKernel> kernels() {
        assertNotNull(Sgemm.vectorKernel(),
                "surefire runs with --add-modules jdk.incubator.vector");
        return Stream.of(new VectorKernel8x2(), new VectorKernel6x2(), Sgemm.scalarKernel());
    }

    /** One multiplication with its views: stored matrices padded by offsets and wider rows. */
    private static final class Case {
        final boolean transA;
        final boolean transB;
        final int m;
        final int n;
        final int k;
        final int aOffset;
        final int lda;
        final int bOffset;
        final int ldb;
        final int cOffset;
        final int ldc;
        final float[] a;
        final float[] b;
        final float[] c;
        final float[] c0;

        Case(boolean transA, boolean transB, int m, int n, int k, int pad, long seed) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            Random random = new Random(seed);
            int aCols = transA ? m : k;
            int bCols = transB ? k : n;
            aOffset = pad;
            lda = Math.max(1, aCols) + pad;
            bOffset = 2 * pad;
            ldb = Math.max(1, bCols) + 2 * pad;
            cOffset = 3 * pad;
            ldc = Math.max(1, n) + pad;
            a = random(random, aOffset + (transA ? k : m) * lda + pad);
            b = random(random, bOffset + (transB ? n : k) * ldb + pad);
            c = new float[cOffset + m * ldc + pad];
            Arrays.fill(c, SENTINEL);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOffset + i * ldc + j] = 2 * random.nextFloat() - 1;
                }
            }
            c0 = c.clone();
        }

        float opA(int i, int p) {
            return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
        }

        float opB(int p, int j) {
            return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
        }

        void run(MicroKernel kernel, float alpha, float beta) {
            Sgemm.gemm(kernel, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc);
        }

        /**
         * Compares C with a float64 triple loop. Tolerance: by Higham, "Accuracy and Stability of
         * Numerical Algorithms" (2nd ed.), section 3.1 and Lemma 3.4, a float sum of products
         * whose longest chain has r roundings errs by at most gamma_r = r u / (1 - r u) times the
         * sum of the absolute terms, u = eps / 2. Here r is at most k + 2 ceil(k / KC) + 2 (k
         * products and additions, alpha and the update once per KC step, beta once), below
         * 2 (k + 2), so 2 (k + 2) u = (k + 2) eps bounds it; c = 2 leaves room for gamma's
         * denominator and the float64 reference's own error. A wrong element is off by O(1).
         */
        void assertMatchesReference(float alpha, float beta) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    double absolute = 0;
                    for (int p = 0; p < k; p++) {
                        double term = (double) opA(i, p) * opB(p, j);
                        sum += term;
                        absolute += Math.abs(term);
                    }
                    double old = c0[cOffset + i * ldc + j];
                    double expected = alpha * sum + (beta == 0 ? 0 : beta * old);
                    double bound = Math.abs(alpha) * absolute
                            + (beta == 0 ? 0 : Math.abs(beta * old));
                    double tolerance = 2 * (k + 2) * EPS * bound;
                    float actual = c[cOffset + i * ldc + j];
                    if (!(Math.abs(actual - expected) <= tolerance)) {
                        fail("C[" + i + "][" + j + "] = " + actual + ", expected " + expected
                                + " +- " + tolerance + " (m=" + m + " n=" + n + " k=" + k
                                + " transA=" + transA + " transB=" + transB + ")");
                    }
                }
            }
            assertOutsideUntouched();
        }

        void assertOutsideUntouched() {
            for (int index = 0; index < c.length; index++) {
                int inView = index - cOffset;
                boolean inside = inView >= 0 && inView / ldc < m && inView % ldc < n;
                if (!inside) {
                    assertEquals(SENTINEL, c[index], "C outside the view changed at " + index);
                }
            }
        }
    }

    private static float[] random(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = 2 * random.nextFloat() - 1;
        }
        return values;
    }

    private static final int[] SIZES = {1, 7, 17, 33, 67, 130, 257};
    private static final boolean[] FLAGS = {false, true};

    @ParameterizedTest
    @MethodSource("kernels")
    void allTransposesAndOddSizesMatchTheFloat64Reference(MicroKernel kernel) {
        long seed = 1;
        for (boolean transA : FLAGS) {
            for (boolean transB : FLAGS) {
                for (int size : SIZES) {
                    // each size once as m, as n and as k, against two smaller odd sizes
                    for (int[] shape : List.of(new int[] {size, 17, 33}, new int[] {7, size, 67},
                            new int[] {33, 130, size})) {
                        Case gemm = new Case(transA, transB, shape[0], shape[1], shape[2], 0,
                                seed++);
                        gemm.run(kernel, 1f, 0f);
                        gemm.assertMatchesReference(1f, 0f);
                    }
                }
                // more rows than MC and deeper than KC, whatever the blocking is set to
                Case large = new Case(transA, transB, Blocking.MC + 5, 130, Blocking.KC + 3, 3,
                        seed++);
                large.run(kernel, -0.75f, 1.5f);
                large.assertMatchesReference(-0.75f, 1.5f);
            }
        }
    }

    /**
     * Tall and wide operands: (1000 x 3)(3 x 1000) is all edge tiles in k, (3 x 1000)(1000 x 3)
     * is one short row block with a deep k, 129 sits one past a power of two.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void tallWideAndOnePastPowerOfTwoShapes(MicroKernel kernel) {
        int[][] shapes = {{1, 1, 1}, {129, 129, 129}, {1000, 1000, 3}, {3, 3, 1000},
            {1000, 3, 129}, {3, 1000, 129}};
        long seed = 500;
        for (int[] shape : shapes) {
            for (boolean transA : FLAGS) {
                for (boolean transB : FLAGS) {
                    Case gemm = new Case(transA, transB, shape[0], shape[1], shape[2], 1, seed++);
                    gemm.run(kernel, 1.25f, -0.5f);
                    gemm.assertMatchesReference(1.25f, -0.5f);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void panelsWiderThanNcAreSplit(MicroKernel kernel) {
        Case wide = new Case(false, true, 5, Blocking.NC + 37, 9, 2, 11);
        wide.run(kernel, 2f, 0.5f);
        wide.assertMatchesReference(2f, 0.5f);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void viewsWithOffsetsAndWideRowsAndEveryAlphaBeta(MicroKernel kernel) {
        long seed = 100;
        for (float alpha : new float[] {1f, -0.5f, 2.5f}) {
            for (float beta : new float[] {0f, 1f, -1.5f}) {
                for (boolean transA : FLAGS) {
                    for (boolean transB : FLAGS) {
                        Case view = new Case(transA, transB, 67, 33, 130, 5, seed++);
                        view.run(kernel, alpha, beta);
                        view.assertMatchesReference(alpha, beta);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void betaZeroOverwritesNanInC(MicroKernel kernel) {
        Case nan = new Case(true, false, 33, 67, 17, 4, 21);
        for (int i = 0; i < nan.m; i++) {
            Arrays.fill(nan.c, nan.cOffset + i * nan.ldc, nan.cOffset + i * nan.ldc + nan.n,
                    Float.NaN);
        }
        nan.run(kernel, 1.25f, 0f);
        nan.assertMatchesReference(1.25f, 0f);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void alphaZeroOrEmptyKOnlyScalesCExactly(MicroKernel kernel) {
        Case alphaZero = new Case(false, false, 17, 7, 33, 2, 31);
        Arrays.fill(alphaZero.a, Float.NaN); // A must not be read
        alphaZero.run(kernel, 0f, -1.5f);
        Case emptyK = new Case(false, true, 17, 7, 0, 2, 32);
        emptyK.run(kernel, 3f, 0.25f);
        for (Case scaled : new Case[] {alphaZero, emptyK}) {
            float beta = scaled == alphaZero ? -1.5f : 0.25f;
            for (int i = 0; i < scaled.m; i++) {
                for (int j = 0; j < scaled.n; j++) {
                    int index = scaled.cOffset + i * scaled.ldc + j;
                    // float * float rounded once is what a double product cast to float gives
                    assertEquals((float) ((double) beta * scaled.c0[index]), scaled.c[index]);
                }
            }
            scaled.assertOutsideUntouched();
        }
        Case zeroBeta = new Case(true, true, 7, 17, 0, 0, 33);
        Arrays.fill(zeroBeta.c, Float.NaN);
        zeroBeta.run(kernel, 1f, 0f);
        for (int i = 0; i < zeroBeta.m * zeroBeta.n; i++) {
            assertEquals(0f, zeroBeta.c[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void emptyCTouchesNothing(MicroKernel kernel) {
        float[] c = {SENTINEL};
        Sgemm.gemm(kernel, false, false, 0, 5, 3, 1f, new float[0], 0, 3, new float[15], 0, 5,
                0f, c, 0, 5);
        Sgemm.gemm(kernel, false, false, 4, 0, 3, 1f, new float[12], 0, 3, new float[0], 0, 1,
                0f, c, 0, 1);
        assertArrayEquals(new float[] {SENTINEL}, c);
    }

    /**
     * Every element is computed by the same kernel over the same KC steps whatever the task split
     * (see {@link BlockedGemm}), so thread counts must agree bit for bit.
     */
    @Test
    void multithreadedResultEqualsSingleThreadedBitwise() {
        int saved = Parallelism.threads();
        // more rows than MC and deeper than KC; and 13 rows (two slivers), which 3 threads can
        // only share by splitting the columns; both large enough per KC step to go parallel
        int wide = (int) (Blocking.PARALLEL_STEP_WORK / (13 * Blocking.KC)) + 37;
        int[][] shapes = {{Blocking.MC + 109, 290, Blocking.KC + 14},
            {13, wide, Blocking.KC + 14}};
        try {
            for (MicroKernel kernel : kernels().toList()) {
                for (int[] shape : shapes) {
                    for (boolean transA : FLAGS) {
                        Case single =
                                new Case(transA, !transA, shape[0], shape[1], shape[2], 1, 41);
                        Case multi =
                                new Case(transA, !transA, shape[0], shape[1], shape[2], 1, 41);
                        Parallelism.setThreads(1);
                        single.run(kernel, 0.5f, -2f);
                        single.assertMatchesReference(0.5f, -2f);
                        for (int threads : new int[] {2, 3}) {
                            Parallelism.setThreads(threads);
                            System.arraycopy(multi.c0, 0, multi.c, 0, multi.c.length);
                            multi.run(kernel, 0.5f, -2f);
                            assertArrayEquals(single.c, multi.c, "threads=" + threads);
                        }
                    }
                }
            }
        } finally {
            Parallelism.setThreads(saved);
        }
    }

    @Test
    void implementationNamesTheActivePath() {
        assertEquals("scalar", Sgemm.describe(Sgemm.scalarKernel()));
        String vector = Sgemm.describe(Sgemm.vectorKernel());
        assertTrue(vector.matches("vector \\(\\d+-bit, \\d+ lanes\\)"), vector);
        assertEquals(Boolean.getBoolean("netcompare.gemm.scalar") ? "scalar" : vector,
                Sgemm.implementation());
    }

    @Test
    void invalidArgumentsAreRejected() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, -1, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(true, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, 2, 2, 3, 1f, a, -1, 3, b, 0, 2, 0f, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, 2, 2, 3, 1f, null, 0, 3, b, 0, 2, 0f, c, 0, 2));
        Sgemm.gemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
    }
}
