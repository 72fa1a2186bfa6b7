package org.netcompare.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

/**
 * sgemm.cl on sizes that span several 8 x 16 panels with ragged edges and two k chunks, the
 * second one short (the contract test's matrices fit in one panel and one chunk), every
 * transpose, against a double-precision reference. Tolerance as in the contract: 2 (k + 2) eps
 * times the sum of |products|, float rounding in any order.
 */
class PanelGemmTest {

    @Test
    void raggedMultiPanelProductsMatchTheReference() {
        OpenClBackend backend = new OpenClBackend(Devices.context(), Placement.device());
        int m = 27;
        int n = 41;
        int k = 133;
        assertTrue(k > PanelGemm.KC && k < 2 * PanelGemm.KC, "two k chunks, the second short");
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? random(1, k, m) : random(1, m, k);
                Tensor b = tb ? random(2, n, k) : random(2, k, n);
                Tensor c = random(3, m, n);
                Tensor c0 = c.copy();
                backend.gemm(ta, tb, -0.75f, a, b, 1.25f, c);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        double abs = 0;
                        for (int p = 0; p < k; p++) {
                            double product = (double) (ta ? a.get(p, i) : a.get(i, p))
                                    * (tb ? b.get(j, p) : b.get(p, j));
                            sum += product;
                            abs += Math.abs(product);
                        }
                        double want = -0.75 * sum + 1.25 * c0.get(i, j);
                        double tol = 2 * (k + 2) * Math.ulp(1f)
                                * (0.75 * abs + 1.25 * Math.abs(c0.get(i, j)));
                        if (Math.abs(c.get(i, j) - want) > tol) {
                            fail("transA " + ta + ", transB " + tb + ": C[" + i + ", " + j
                                    + "] = " + c.get(i, j) + ", want " + want);
                        }
                    }
                }
            }
        }
    }

    @Test
    void anEmptyInnerDimensionLeavesBetaTimesC() {
        OpenClBackend backend = new OpenClBackend(Devices.context(), Placement.device());
        Tensor c = random(4, 3, 17);
        Tensor c0 = c.copy();
        backend.gemm(false, false, 1f, Tensor.zeros(3, 0), Tensor.zeros(0, 17), 0.5f, c);
        for (int i = 0; i < c.size(); i++) {
            // halving is exact in binary floating point
            if (c.data()[i] != 0.5f * c0.data()[i]) {
                fail("C[" + i + "] = " + c.data()[i] + ", want " + 0.5f * c0.data()[i]);
            }
        }
    }

    private static Tensor random(long seed, int rows, int columns) {
        Random random = new Random(seed);
        float[] data = new float[rows * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Tensor.wrap(data, rows, columns);
    }
}
