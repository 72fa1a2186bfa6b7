package org.netcompare.engine.gemm;

import java.util.Arrays;

/**
 * Plain-Java float64 tile for JVMs without the Vector API: a 4 x 4 tile, accumulated with
 * {@link Math#fma} in the same p order as {@link VectorDoubleKernel}, so both paths round every
 * element identically where the hardware has FMA (Math.fma is exact everywhere, only slower
 * without it).
 */
final class ScalarDoubleKernel implements DoubleKernel {

    private static final int MR = 4;
    private static final int NR = 4;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void multiply(int kc, double[] a, int aIndex, double[] b, int bIndex, double[] tile) {
        Arrays.fill(tile, 0, MR * NR, 0);
        for (int p = 0; p < kc; p++) {
            int ai = aIndex + p * MR;
            int bi = bIndex + p * NR;
            for (int r = 0; r < MR; r++) {
                double ar = a[ai + r];
                for (int j = 0; j < NR; j++) {
                    tile[r * NR + j] = Math.fma(ar, b[bi + j], tile[r * NR + j]);
                }
            }
        }
    }
}
