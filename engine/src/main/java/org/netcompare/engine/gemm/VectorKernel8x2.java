package org.netcompare.engine.gemm;

import jdk.incubator.vector.FloatVector;

/**
 * The 8 x (2 vectors) tile of {@link VectorKernel}: 16 accumulators, for 32 vector registers
 * (AVX-512).
 */
final class VectorKernel8x2 extends VectorKernel {

    private static final int MR = 8;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public void multiply(int kc, float[] a, int aIndex, float[] b, int bIndex, float[] tile) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES);
        FloatVector c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES);
        FloatVector c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES);
        FloatVector c31 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES);
        FloatVector c41 = FloatVector.zero(SPECIES);
        FloatVector c50 = FloatVector.zero(SPECIES);
        FloatVector c51 = FloatVector.zero(SPECIES);
        FloatVector c60 = FloatVector.zero(SPECIES);
        FloatVector c61 = FloatVector.zero(SPECIES);
        FloatVector c70 = FloatVector.zero(SPECIES);
        FloatVector c71 = FloatVector.zero(SPECIES);
        int ai = aIndex;
        int bi = bIndex;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(SPECIES, a[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(SPECIES, a[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, LANES);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + LANES);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + LANES);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + LANES);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + LANES);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + LANES);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + LANES);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + LANES);
    }
}
