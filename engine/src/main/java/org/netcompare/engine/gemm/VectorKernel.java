package org.netcompare.engine.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Micro-kernel on the incubator Vector API: an 8 x (2 vectors) tile of C held in 16 vector
 * accumulators, each step one fused multiply-add of a broadcast A element with two B vectors
 * (the BLIS micro-kernel shape, Van Zee and van de Geijn 2015, section 3; with 16 float lanes
 * the tile is 8 x 32 and uses 16 of the 32 AVX-512 registers for C).
 *
 * <p>Measured alone on L1/L2-resident slivers (2-core AMD EPYC, 16 lanes, kc = 256) the shapes
 * 6 x 32, 8 x 32, 12 x 32, 4 x 48 and 8 x 48 all ran at 245-258 GFLOP/s per core, 8 x 32 the
 * fastest; 4 x 64 ran at 237.
 *
 * <p>Only loaded after {@link Sgemm} has seen the {@code jdk.incubator.vector} module in the boot
 * layer; the accumulators are separate locals because C2 keeps locals, not array elements, in
 * registers.
 */
final class VectorKernel implements MicroKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int MR = 8;
    private static final int NR = 2 * LANES;

    /** Lanes of the preferred float vector of this machine (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return LANES;
    }

    /** Width of the preferred vector in bits. */
    static int bits() {
        return SPECIES.vectorBitSize();
    }

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
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

    /**
     * Full tiles update C a vector at a time with the roundings of {@link TileUpdate#store};
     * edge tiles fall back to the element loop.
     */
    @Override
    public void update(float[] tile, int rows, int cols, float alpha, float beta, float[] c,
            int cIndex, int ldc) {
        if (rows != MR || cols != NR) {
            MicroKernel.super.update(tile, rows, cols, alpha, beta, c, cIndex, ldc);
            return;
        }
        for (int r = 0; r < MR; r++) {
            for (int j = 0; j < NR; j += LANES) {
                int index = cIndex + r * ldc + j;
                FloatVector scaled = FloatVector.fromArray(SPECIES, tile, r * NR + j).mul(alpha);
                if (beta == 0) {
                    scaled.intoArray(c, index);
                } else if (beta == 1) {
                    FloatVector.fromArray(SPECIES, c, index).add(scaled).intoArray(c, index);
                } else {
                    FloatVector.fromArray(SPECIES, c, index).mul(beta).add(scaled)
                            .intoArray(c, index);
                }
            }
        }
    }
}
