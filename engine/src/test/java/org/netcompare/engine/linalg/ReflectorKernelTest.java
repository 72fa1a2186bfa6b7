package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both {@link ReflectorKernel}s against the products written out as triple loops, on views with
 * offsets and leading dimensions wider than the width; and {@link BlockReflector} against its
 * reflectors applied one at a time. Sums are reordered, so agreement is to a few ulps of the
 * magnitudes summed (entries are standard normal and k at most 33: 1e-13 absolute).
 */
class ReflectorKernelTest {

    private static final double TOLERANCE = 1e-13;

    @Test
    void kernelsMatchTheProductsWrittenOut() {
        Random random = new Random(17);
        for (ReflectorKernel kernel : List.of(new ScalarReflectorKernel(),
                new VectorReflectorKernel())) {
            int step = kernel.columnStep();
            for (int k : new int[] {1, 3, 4, 9, 32}) {
                for (int rows : new int[] {1, 3, 4, 7, 33}) {
                    for (int width : new int[] {step, 3 * step, 5 * step + (step == 1 ? 2 : 0)}) {
                        check(kernel, random, k, rows, width);
                    }
                }
            }
        }
    }

    private static void check(ReflectorKernel kernel, Random random, int k, int rows, int width) {
        String what = kernel.getClass().getSimpleName() + " k=" + k + " rows=" + rows;
        int vOffset = 5;
        int cOffset = 3;
        int ldc = width + 2;
        int wOffset = 1;
        int ldw = width + 4;
        double[] v = gaussian(vOffset + rows * k, random);
        double[] c = gaussian(cOffset + rows * ldc, random);
        double[] w = gaussian(wOffset + k * ldw, random);

        double[] expectedW = w.clone();
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < width; j++) {
                for (int r = 0; r < rows; r++) {
                    expectedW[wOffset + p * ldw + j] +=
                            v[vOffset + r * k + p] * c[cOffset + r * ldc + j];
                }
            }
        }
        double[] actualW = w.clone();
        kernel.accumulate(v, vOffset, k, rows, c, cOffset, ldc, actualW, wOffset, ldw, width);
        assertArraysClose(expectedW, actualW, what + " accumulate");

        double[] expectedC = c.clone();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                for (int p = 0; p < k; p++) {
                    expectedC[cOffset + r * ldc + j] -=
                            v[vOffset + r * k + p] * w[wOffset + p * ldw + j];
                }
            }
        }
        double[] actualC = c.clone();
        kernel.subtract(v, vOffset, k, rows, actualC, cOffset, ldc, w, wOffset, ldw, width);
        assertArraysClose(expectedC, actualC, what + " subtract");
    }

    /**
     * A 300 x 290 block crosses the row blocks and column chunks, with a remainder narrower than
     * the vector step; H and H^T must equal the product of the single reflectors.
     */
    @Test
    void blockReflectorEqualsItsReflectorsOneByOne() {
        Random random = new Random(23);
        int rows = 300;
        int cols = 290;
        int k = 33;
        double[] a = gaussian(rows * k, random);
        double[] tau = new double[k];
        for (int p = 0; p < k; p++) {
            tau[p] = Householder.generate(a, p * k + p, rows - p, k);
        }
        double[] c = gaussian(rows * cols, random);
        for (ReflectorKernel kernel : List.of(new ScalarReflectorKernel(),
                new VectorReflectorKernel())) {
            BlockReflector block = new BlockReflector(rows, k, kernel);
            block.load(a, 0, k, rows, k, tau, 0);
            checkBothSides(block, a, tau, rows, k, c, cols,
                    kernel.getClass().getSimpleName());
        }
    }

    private static void checkBothSides(BlockReflector block, double[] a, double[] tau, int rows,
            int k, double[] c, int cols, String kernel) {
        for (boolean transpose : new boolean[] {false, true}) {
            double[] expected = c.clone();
            // H = H_0 ... H_(k-1): H C applies H_(k-1) first; H^T C applies H_0 first.
            for (int step = 0; step < k; step++) {
                int p = transpose ? step : k - 1 - step;
                reflect(a, k, p, tau[p], rows, expected, cols);
            }
            double[] actual = c.clone();
            block.apply(transpose, actual, 0, cols, cols);
            assertArraysClose(expected, actual, kernel + ", transpose " + transpose);
        }
    }

    /** C <- (I - tau v v^T) C for reflector p stored in column p of a (ld k, v_p = 1). */
    private static void reflect(double[] a, int k, int p, double tau, int rows, double[] c,
            int cols) {
        for (int j = 0; j < cols; j++) {
            double dot = 0;
            for (int r = p; r < rows; r++) {
                dot += (r == p ? 1 : a[r * k + p]) * c[r * cols + j];
            }
            for (int r = p; r < rows; r++) {
                c[r * cols + j] -= tau * dot * (r == p ? 1 : a[r * k + p]);
            }
        }
    }

    private static double[] gaussian(int length, Random random) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    private static void assertArraysClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])),
                    what + " at " + i);
        }
    }
}
