package org.netcompare.engine.gemm;

/**
 * Register-tiled inner kernel: one MR x NR tile of C from a packed MR-row sliver of A and a packed
 * NR-column sliver of B (Goto and van de Geijn 2008, section 5.1).
 *
 * <p>Packed layouts (see {@link Packing}): A sliver {@code a[aIndex + p * mr() + r]} holds
 * op(A)[r][p]; B sliver {@code b[bIndex + p * nr() + j]} holds op(B)[p][j], p in [0, kc).
 */
interface MicroKernel {

    /** Rows of the register tile. */
    int mr();

    /** Columns of the register tile. */
    int nr();

    /**
     * Computes {@code C[r][j] = alpha * sum_p A[r][p] B[p][j] + beta * C[r][j]} for the full
     * mr() x nr() tile at {@code c[cIndex + r * ldc + j]}. With s the float sum, the update is
     * {@link TileUpdate#store}: alpha * s, then beta * C added with separate roundings (no fused
     * final step), so an edge tile finished through a scratch tile gets the same bits. beta == 0
     * writes C without reading it.
     */
    void multiply(int kc, float[] a, int aIndex, float[] b, int bIndex, float alpha, float beta,
            float[] c, int cIndex, int ldc);
}
