package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java and Vector API kernels of the decompositions against a direct reference: the
 * decomposition tests run with whichever kernel the JVM picks, so both are checked here on
 * sizes that leave vector tails and with rotations that are not part of a sweep.
 */
class KernelContractTest {

    private static final double TOLERANCE = 1e-13;

    private static double[] random(int length, Random random) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * (1 + Math.abs(expected[i])),
                    what + " at " + i);
        }
    }

    @Test
    void rotationKernelsMatchRotationsAppliedOneByOne() {
        Random random = new Random(1);
        int rows = 9;
        int cols = 45;
        int count = 40;
        int[] upper = new int[count];
        int[] lower = new int[count];
        double[] c = new double[count];
        double[] s = new double[count];
        for (int r = 0; r < count; r++) {
            boolean sweep = r % 7 != 6;
            upper[r] = sweep ? r % (rows - 1) : random.nextInt(rows - 2);
            lower[r] = sweep ? upper[r] + 1 : upper[r] + 2;
            double angle = random.nextDouble() * 2 * Math.PI;
            c[r] = Math.cos(angle);
            s[r] = Math.sin(angle);
        }
        double[] start = random(rows * cols, random);
        double[] expected = rotated(start, cols, upper, lower, c, s, count);
        for (RotationKernel kernel : new RotationKernel[] {new ScalarRotationKernel(),
                new VectorRotationKernel()}) {
            double[] a = start.clone();
            kernel.apply(a, cols, 0, 17, upper, lower, c, s, count);
            kernel.apply(a, cols, 17, cols, upper, lower, c, s, count);
            assertClose(expected, a, kernel.getClass().getSimpleName());
        }
    }

    /** The rotations applied one at a time, entry by entry, to a copy of {@code start}. */
    private static double[] rotated(double[] start, int cols, int[] upper, int[] lower,
            double[] c, double[] s, int count) {
        double[] a = start.clone();
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < cols; j++) {
                double x = a[upper[r] * cols + j];
                double y = a[lower[r] * cols + j];
                a[upper[r] * cols + j] = c[r] * x + s[r] * y;
                a[lower[r] * cols + j] = c[r] * y - s[r] * x;
            }
        }
        return a;
    }

    @Test
    void sweepsThatNestOrNotAreAppliedInOrder() {
        // Pairs of sweeps over rows (start, end): equal, nested, starting above, running
        // below, single rotations, and a non-adjacent rotation in between.
        int[][] sweeps = {{1, 7}, {1, 7}, {2, 5}, {0, 8}, {3, 8}, {3, 6}, {4, 5}, {-1, 0},
            {0, 8}, {0, 8}, {5, 6}, {5, 6}, {2, 4}, {6, 8}, {0, 3}};
        Random random = new Random(5);
        int rows = 9;
        int cols = 70;
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        for (int[] sweep : sweeps) {
            if (sweep[0] < 0) {
                pairs.add(new int[] {2, 6});
                continue;
            }
            for (int k = sweep[0]; k < sweep[1]; k++) {
                pairs.add(new int[] {k, k + 1});
            }
        }
        int count = pairs.size();
        int[] upper = new int[count];
        int[] lower = new int[count];
        double[] c = new double[count];
        double[] s = new double[count];
        for (int r = 0; r < count; r++) {
            upper[r] = pairs.get(r)[0];
            lower[r] = pairs.get(r)[1];
            double angle = random.nextDouble() * 2 * Math.PI;
            c[r] = Math.cos(angle);
            s[r] = Math.sin(angle);
        }
        double[] start = random(rows * cols, random);
        double[] expected = rotated(start, cols, upper, lower, c, s, count);
        for (RotationKernel kernel : new RotationKernel[] {new ScalarRotationKernel(),
                new VectorRotationKernel()}) {
            double[] a = start.clone();
            kernel.apply(a, cols, 0, cols, upper, lower, c, s, count);
            assertClose(expected, a, kernel.getClass().getSimpleName());
        }
    }

    @Test
    void reflectorGroupKernelsMatchFourSeparateReflections() {
        Random random = new Random(2);
        for (int length : new int[] {1, 5, 8, 23, 64}) {
            double[] v = random(4 * length, random);
            double[] tau = {1.1, 0.4, 0, 1.7};
            // T of dlarft (forward) built here from its definition H_1 H_2 H_3 H_4 = I - V T V^T
            double[] t = new double[16];
            for (int j = 0; j < 4; j++) {
                t[j * 4 + j] = tau[j];
                for (int i = 0; i < j; i++) {
                    double sum = 0;
                    for (int p = i; p < j; p++) {
                        double dot = 0;
                        for (int q = 0; q < length; q++) {
                            dot += v[p * length + q] * v[j * length + q];
                        }
                        sum += t[i * 4 + p] * dot;
                    }
                    t[i * 4 + j] = -tau[j] * sum;
                }
            }
            double[] x = random(length + 3, random);
            double[] expected = x.clone();
            for (int r = 0; r < 4; r++) {
                double dot = 0;
                for (int q = 0; q < length; q++) {
                    dot += expected[3 + q] * v[r * length + q];
                }
                for (int q = 0; q < length; q++) {
                    expected[3 + q] -= tau[r] * dot * v[r * length + q];
                }
            }
            for (ReflectorGroupKernel kernel : new ReflectorGroupKernel[] {
                new ScalarReflectorGroupKernel(), new VectorReflectorGroupKernel()}) {
                double[] y = x.clone();
                kernel.apply(y, 3, v, 0, length, t);
                assertClose(expected, y, kernel.getClass().getSimpleName() + " length " + length);
            }
        }
    }

    @Test
    void rankTwoRowKernelsMatchTheFormula() {
        Random random = new Random(3);
        int n = 29;
        double[] pv = random(n, random);
        double[] pw = random(n, random);
        double[] v = random(n, random);
        double[] row = random(n, random);
        double[] p = random(n, random);
        double pvi = 0.3;
        double pwi = -1.2;
        double vi = 0.7;
        int from = 4;
        double[] expectedRow = row.clone();
        double[] expectedP = p.clone();
        double expectedDot = 0;
        for (int j = from; j < n; j++) {
            expectedRow[j] -= pvi * pw[j] + pwi * pv[j];
            expectedDot += expectedRow[j] * v[j];
            expectedP[j] += expectedRow[j] * vi;
        }
        for (RankTwoRowKernel kernel : new RankTwoRowKernel[] {new ScalarRankTwoRowKernel(),
                new VectorRankTwoRowKernel()}) {
            double[] a = row.clone();
            double[] q = p.clone();
            double dot = kernel.apply(a, 0, from, n, pvi, pwi, vi, pv, pw, v, q);
            String name = kernel.getClass().getSimpleName();
            assertEquals(expectedDot, dot, TOLERANCE * 10, name);
            assertClose(expectedRow, a, name);
            assertClose(expectedP, q, name);
        }
    }

    @Test
    void bidiagonalRowKernelsMatchTheFormulas() {
        Random random = new Random(4);
        int n = 37;
        int from = 3;
        double[] w = random(n, random);
        double[] u = random(n, random);
        double[] z = random(n, random);
        double[] row = random(n + 5, random);
        double vi = -0.8;
        double f = 0.45;
        double c = 1.3;
        double[] expectedRow = row.clone();
        double expectedDot = 0;
        for (int j = from; j < n; j++) {
            expectedRow[5 + j] -= vi * w[j];
            expectedDot += expectedRow[5 + j] * u[j];
        }
        double[] afterLeft = expectedRow.clone();
        double[] expectedZ = z.clone();
        for (int j = from; j < n; j++) {
            expectedRow[5 + j] -= f * u[j];
            expectedZ[j] += c * expectedRow[5 + j];
        }
        for (BidiagonalRowKernel kernel : new BidiagonalRowKernel[] {
            new ScalarBidiagonalRowKernel(), new VectorBidiagonalRowKernel()}) {
            String name = kernel.getClass().getSimpleName();
            double[] a = row.clone();
            double dot = kernel.leftUpdateDot(a, 5, from, n, vi, w, u);
            assertEquals(expectedDot, dot, TOLERANCE * 10, name);
            assertClose(afterLeft, a, name);
            double[] y = z.clone();
            kernel.rightUpdateAccumulate(a, 5, from, n, f, u, c, y);
            assertClose(expectedRow, a, name);
            assertClose(expectedZ, y, name);
        }
    }
}
