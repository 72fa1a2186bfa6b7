package org.netcompare.engine.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Micro-kernels on the incubator Vector API: an MR x (2 vectors) tile of C held in 2 MR vector
 * accumulators, each step one fused multiply-add of a broadcast A element with two B vectors
 * (the BLIS micro-kernel shape, Van Zee and van de Geijn 2015, section 3). MR is set by the
 * vector registers: 8 where vectors are 512 bits (x86 AVX-512 has 32 registers, 16 of them for C),
 * 6 otherwise (AVX2 has 16: 12 for C, two for B, one for A).
 *
 * <p>Measured alone on cache-resident slivers (2-core AMD EPYC, kc = 512): with 16 lanes 8 x 32
 * ran at 250-260 GFLOP/s per core in every run, 6 x 32 at about 250 in some runs and 92 in others;
 * with {@code -XX:UseAVX=2} (8 lanes, 16 registers) 8 x 16 spilled and ran at 70, 6 x 16 at 131.
 *
 * <p>Only loaded after {@link Sgemm} has seen the {@code jdk.incubator.vector} module in the boot
 * layer; the accumulators are separate locals because C2 keeps locals, not array elements, in
 * registers, which is why each tile height is its own unrolled class.
 */
abstract class VectorKernel implements MicroKernel {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int NR = 2 * LANES;

    /** The tile shape for this machine's vector registers. */
    static VectorKernel forThisMachine() {
        return SPECIES.vectorBitSize() >= 512 ? new VectorKernel8x2() : new VectorKernel6x2();
    }

    /** Lanes of the preferred float vector of this machine (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return LANES;
    }

    /** Width of the preferred vector in bits. */
    static int bits() {
        return SPECIES.vectorBitSize();
    }

    @Override
    public int nr() {
        return NR;
    }

    /**
     * Full tiles update C a vector at a time with the roundings of {@link TileUpdate#store};
     * edge tiles fall back to the element loop.
     */
    @Override
    public void update(float[] tile, int rows, int cols, float alpha, float beta, float[] c,
            int cIndex, int ldc) {
        if (rows != mr() || cols != NR) {
            MicroKernel.super.update(tile, rows, cols, alpha, beta, c, cIndex, ldc);
            return;
        }
        for (int r = 0; r < rows; r++) {
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
