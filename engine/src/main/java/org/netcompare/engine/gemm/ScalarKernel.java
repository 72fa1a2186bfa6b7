package org.netcompare.engine.gemm;

/**
 * Plain-Java micro-kernel for JVMs started without the {@code jdk.incubator.vector} module: a
 * 4 x 4 tile of C in 16 local accumulators, unrolled so C2 keeps them in registers (the scalar
 * register-blocking of Goto and van de Geijn 2008, section 5.1).
 */
final class ScalarKernel implements MicroKernel {

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
    public void multiply(int kc, float[] a, int aIndex, float[] b, int bIndex, float alpha,
            float beta, float[] c, int cIndex, int ldc) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int ai = aIndex;
        int bi = bIndex;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            float b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
            float a0 = a[ai];
            c00 += a0 * b0;
            c01 += a0 * b1;
            c02 += a0 * b2;
            c03 += a0 * b3;
            float a1 = a[ai + 1];
            c10 += a1 * b0;
            c11 += a1 * b1;
            c12 += a1 * b2;
            c13 += a1 * b3;
            float a2 = a[ai + 2];
            c20 += a2 * b0;
            c21 += a2 * b1;
            c22 += a2 * b2;
            c23 += a2 * b3;
            float a3 = a[ai + 3];
            c30 += a3 * b0;
            c31 += a3 * b1;
            c32 += a3 * b2;
            c33 += a3 * b3;
        }
        int row0 = cIndex;
        TileUpdate.store(c, row0, c00, alpha, beta);
        TileUpdate.store(c, row0 + 1, c01, alpha, beta);
        TileUpdate.store(c, row0 + 2, c02, alpha, beta);
        TileUpdate.store(c, row0 + 3, c03, alpha, beta);
        int row1 = cIndex + ldc;
        TileUpdate.store(c, row1, c10, alpha, beta);
        TileUpdate.store(c, row1 + 1, c11, alpha, beta);
        TileUpdate.store(c, row1 + 2, c12, alpha, beta);
        TileUpdate.store(c, row1 + 3, c13, alpha, beta);
        int row2 = cIndex + 2 * ldc;
        TileUpdate.store(c, row2, c20, alpha, beta);
        TileUpdate.store(c, row2 + 1, c21, alpha, beta);
        TileUpdate.store(c, row2 + 2, c22, alpha, beta);
        TileUpdate.store(c, row2 + 3, c23, alpha, beta);
        int row3 = cIndex + 3 * ldc;
        TileUpdate.store(c, row3, c30, alpha, beta);
        TileUpdate.store(c, row3 + 1, c31, alpha, beta);
        TileUpdate.store(c, row3 + 2, c32, alpha, beta);
        TileUpdate.store(c, row3 + 3, c33, alpha, beta);
    }
}
