package org.netcompare.engine.linalg;

import org.netcompare.engine.simd.VectorSupport;

/**
 * The inner loop of the fused tridiagonalisation step ({@link HouseholderTridiagonal}): one row
 * of the upper triangle gets the previous rank-two update and contributes to the next
 * symmetric matrix-vector product, in a single pass.
 */
interface RankTwoRowKernel {

    /**
     * For j in [from, to): {@code a_j -= pvi pw_j + pwi pv_j}, then {@code p_j += a_j vi}.
     *
     * @return {@code sum_j a_j v_j} over the updated entries
     */
    double apply(double[] a, int rowOffset, int from, int to, double pvi, double pwi, double vi,
            double[] pv, double[] pw, double[] v, double[] p);

    /** The Vector API kernel when {@link VectorSupport#available()}, else the plain one. */
    static RankTwoRowKernel best() {
        return VectorSupport.choose(() -> new VectorRankTwoRowKernel(), ScalarRankTwoRowKernel::new);
    }
}
