package org.netcompare.engine.linalg;

import org.netcompare.engine.simd.VectorSupport;

/**
 * The two inner loops of the one-pass bidiagonalisation step ({@link HouseholderBidiagonal}),
 * both over one row of the trailing block while it sits in cache.
 */
interface BidiagonalRowKernel {

    /**
     * Left update, then the dot product the right reflector needs: for j in [from, to)
     * {@code x_j -= vi w_j}.
     *
     * @return {@code sum_j x_j u_j} over the updated entries
     */
    double leftUpdateDot(double[] a, int rowOffset, int from, int to, double vi, double[] w,
            double[] u);

    /**
     * Right update, then the next step's left product: for j in [from, to)
     * {@code x_j -= f u_j; z_j += c x_j}.
     */
    void rightUpdateAccumulate(double[] a, int rowOffset, int from, int to, double f,
            double[] u, double c, double[] z);

    /** The Vector API kernel when {@link VectorSupport#available()}, else the plain one. */
    static BidiagonalRowKernel best() {
        return VectorSupport.choose(() -> new VectorBidiagonalRowKernel(), ScalarBidiagonalRowKernel::new);
    }
}
