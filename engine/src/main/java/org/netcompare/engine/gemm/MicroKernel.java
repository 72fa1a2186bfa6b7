package org.netcompare.engine.gemm;

/**
 * Register-tiled inner kernel: one MR x NR tile of op(A) op(B) from a packed MR-row sliver of A
 * and a packed NR-column sliver of B (Goto and van de Geijn 2008, section 5.1).
 *
 * <p>Packed layouts (see {@link Packing}): A sliver {@code a[aIndex + p * mr() + r]} holds
 * op(A)[r][p]; B sliver {@code b[bIndex + p * nr() + j]} holds op(B)[p][j], p in [0, kc).
 *
 * <p>The product goes to a small scratch tile and {@link #update} applies alpha and beta to C in
 * a second method: kept apart, the accumulation loop compiles to the same register-resident code
 * whatever beta is, where one method with the beta branches lost most of its speed once C2 had
 * seen more than one of them.
 */
interface MicroKernel {

    /** Rows of the register tile. */
    int mr();

    /** Columns of the register tile. */
    int nr();

    /**
     * Writes {@code tile[r * nr() + j] = sum_p A[r][p] B[p][j]} (float accumulation in p order)
     * for the full mr() x nr() tile.
     */
    void multiply(int kc, float[] a, int aIndex, float[] b, int bIndex, float[] tile);

    /**
     * {@code C[r][j] = alpha * tile[r * nr() + j] + beta * C[r][j]} for r < rows, j < cols, C at
     * {@code c[cIndex + r * ldc + j]}, rounded as {@link TileUpdate#store} does; beta == 0
     * writes C without reading it.
     */
    default void update(float[] tile, int rows, int cols, float alpha, float beta, float[] c,
            int cIndex, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                TileUpdate.store(c, cIndex + r * ldc + j, tile[r * nr() + j], alpha, beta);
            }
        }
    }
}
