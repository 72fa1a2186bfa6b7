package org.netcompare.engine.linalg;

import org.netcompare.engine.simd.VectorSupport;

/**
 * The two matrix products that apply a block reflector {@code I - V T V^T} to C (see
 * {@link BlockReflector}): {@code W += V^T C} and {@code C -= V W}. V is rows x k, packed
 * row-major from {@code v[vOffset]} ({@code v[vOffset + r * k + p]}); row r of C starts at
 * {@code c[cOffset + r * ldc]}, row p of W at {@code w[wOffset + p * ldw]}; both products run
 * over columns {@code [0, width)}.
 *
 * <p>Implementations: {@link ScalarReflectorKernel} (plain Java, any width) and
 * {@link VectorReflectorKernel} (incubator Vector API, widths in multiples of
 * {@link #columnStep()}).
 */
interface ReflectorKernel {

    /**
     * The Vector API kernel when {@link VectorSupport#available()} and
     * {@code -Dnetcompare.linalg.scalar=true} is not set, else the plain one.
     */
    static ReflectorKernel preferred() {
        return VectorSupport.choose("netcompare.linalg.scalar", () -> new VectorReflectorKernel(),
                ScalarReflectorKernel::new);
    }

    /** Widths this kernel accepts are multiples of this. */
    int columnStep();

    /** {@code W[p, :] += sum over r < rows of V[r, p] C[r, :]} for every p < k. */
    void accumulate(double[] v, int vOffset, int k, int rows, double[] c, int cOffset, int ldc,
            double[] w, int wOffset, int ldw, int width);

    /** {@code C[r, :] -= sum over p < k of V[r, p] W[p, :]} for every r < rows. */
    void subtract(double[] v, int vOffset, int k, int rows, double[] c, int cOffset, int ldc,
            double[] w, int wOffset, int ldw, int width);
}
