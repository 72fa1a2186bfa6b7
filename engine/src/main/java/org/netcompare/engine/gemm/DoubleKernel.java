package org.netcompare.engine.gemm;

/**
 * The float64 register tile of {@link Dgemm}: {@link MicroKernel}'s contract on {@code double[]}
 * (packed A sliver {@code a[aIndex + p * mr() + r]}, packed B sliver {@code b[bIndex + p * nr() +
 * j]}), with no alpha or beta, which {@link Dgemm} does not need.
 */
interface DoubleKernel {

    /** Rows of the register tile. */
    int mr();

    /** Columns of the register tile. */
    int nr();

    /** Writes {@code tile[r * nr() + j] = sum_p A[r][p] B[p][j]}, p in [0, kc) in order. */
    void multiply(int kc, double[] a, int aIndex, double[] b, int bIndex, double[] tile);
}
