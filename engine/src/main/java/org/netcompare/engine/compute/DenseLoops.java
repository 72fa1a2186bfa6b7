package org.netcompare.engine.compute;

import org.netcompare.engine.simd.VectorSupport;

/**
 * The inner loops of the CPU backend, over densely packed runs of floats: elementwise
 * functions, row maxima and sums, shifted exponentials. Everything else in {@link CpuBackend}
 * (strides, broadcasting, axes, threads) is arranged so the time goes here.
 *
 * <p>Two implementations: {@link VectorLoops} on the incubator Vector API (SIMD, with
 * exponential, logarithm and tanh from the JIT's vector math library) when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} ({@link VectorSupport}), and the plain-Java
 * {@link ScalarLoops} otherwise.
 * On the 4096 x 1024 matrices of OpsBenchmark the vector loops are two to ten times faster; the
 * JIT's own auto-vectorization of the scalar loops does not come close.
 */
interface DenseLoops {

    /** The fastest loops this JVM can run, chosen once. */
    static DenseLoops best() {
        return Holder.BEST;
    }

    /** {@code y[yi + i] = op(x[xi + i])} for i in [0, n); y may be x at the same index. */
    void unary(UnaryOp op, float[] x, int xi, float[] y, int yi, int n);

    /** {@code y[yi + i] = scale * x[xi + i] + shift} for i in [0, n). */
    void affine(float[] x, int xi, float scale, float shift, float[] y, int yi, int n);

    /** {@code y[yi + i] = op(a[ai + i], b[bi + i])} for i in [0, n). */
    void binary(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] y, int yi, int n);

    /** The largest of n > 0 values (NaN if any is NaN). */
    float max(float[] x, int xi, int n);

    /** The smallest of n > 0 values (NaN if any is NaN). */
    float min(float[] x, int xi, int n);

    /**
     * The sum of n values, in double (the vector loops add up to a few values per SIMD lane in
     * float first).
     */
    double sum(float[] x, int xi, int n);

    /**
     * {@code y[yi + i] = e^(x[xi + i] - shift)} for i in [0, n), returning the sum of the values
     * written, accumulated as {@link #sum}.
     */
    double expInto(float[] x, int xi, float shift, float[] y, int yi, int n);

    /** The sum of {@code e^(x[xi + i] - shift)} for i in [0, n), accumulated as {@link #sum}. */
    double sumExp(float[] x, int xi, float shift, int n);

    /** Chooses lazily, so a JVM without the incubator module never loads its classes. */
    final class Holder {
        static final DenseLoops BEST =
                VectorSupport.choose(() -> new VectorLoops(), () -> ScalarLoops.INSTANCE);

        private Holder() {
        }
    }
}
