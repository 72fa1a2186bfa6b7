package org.netcompare.engine.compute;

import org.netcompare.engine.tensor.Tensor;

/**
 * The compute operations networks need, on float32 {@link Tensor}s: matrix products,
 * elementwise functions with NumPy broadcasting, reductions along an axis, argmax and softmax.
 *
 * <p>Operands may be any views (strides, offsets, stride-0 broadcasts); each operation writes
 * into a caller-given output tensor, which must not overlap its inputs except by being the very
 * same view as an elementwise input (in-place update). The methods without an output argument
 * allocate a contiguous one. Shape mismatches throw {@link IllegalArgumentException} naming the
 * shapes ({@link Shapes}). {@link CpuBackend} is the pure-Java implementation; others register
 * through {@link BackendProvider} and pass the same contract tests.
 */
public interface Backend {

    /** Short lower-case name, the one {@link Backends#select} accepts ("cpu", "opencl"). */
    String name();

    /**
     * {@code C = alpha op(A) op(B) + beta C} (BLAS sgemm) with op(A) m x k, op(B) k x n and C
     * m x n; op(X) is X^T when the flag is set. With beta = 0, C is not read (NaN in C does not
     * propagate).
     */
    void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta,
            Tensor c);

    /** op(A) op(B) as a new m x n tensor. */
    default Tensor gemm(boolean transA, boolean transB, Tensor a, Tensor b) {
        Tensor c = Tensor.zeros(Shapes.gemmShape(transA, transB, a, b));
        gemm(transA, transB, 1f, a, b, 0f, c);
        return c;
    }

    /** {@code out = op(in)} elementwise; out has the shape of in. */
    void unary(UnaryOp op, Tensor in, Tensor out);

    default Tensor unary(UnaryOp op, Tensor in) {
        Tensor out = Tensor.zeros(in.shape());
        unary(op, in, out);
        return out;
    }

    /** {@code out = scale * in + shift} elementwise; out has the shape of in. */
    void affine(Tensor in, float scale, float shift, Tensor out);

    default Tensor affine(Tensor in, float scale, float shift) {
        Tensor out = Tensor.zeros(in.shape());
        affine(in, scale, shift, out);
        return out;
    }

    /**
     * {@code out = op(a, b)} elementwise, a and b broadcast as NumPy does
     * ({@link Shapes#broadcast}); out has the broadcast shape.
     */
    void binary(BinaryOp op, Tensor a, Tensor b, Tensor out);

    default Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        Tensor out = Tensor.zeros(Shapes.broadcast(Shapes.label(op), a.shape(),
                b.shape()));
        binary(op, a, b, out);
        return out;
    }

    /**
     * Reduces {@code in} along {@code axis} (negative counts from the end) into {@code out},
     * whose shape is in's with that axis either set to 1 or removed.
     */
    void reduce(Reduction reduction, Tensor in, int axis, Tensor out);

    default Tensor reduce(Reduction reduction, Tensor in, int axis, boolean keepDims) {
        int ax = Shapes.axis(Shapes.label(reduction), in, axis);
        Tensor out = Tensor.zeros(Shapes.reduced(in.shape(), ax, keepDims));
        reduce(reduction, in, ax, out);
        return out;
    }

    /**
     * Index of the largest element along {@code axis}, the first one on ties; a NaN counts as
     * the largest (NumPy's argmax). {@code out} receives one index per element of the reduced
     * shape, in row-major order; its length must be that count.
     */
    void argmax(Tensor in, int axis, int[] out);

    default int[] argmax(Tensor in, int axis) {
        int ax = Shapes.axis("argmax", in, axis);
        int count = 1;
        for (int size : Shapes.reduced(in.shape(), ax, false)) {
            count *= size;
        }
        int[] out = new int[count];
        argmax(in, ax, out);
        return out;
    }

    /**
     * {@code out = e^{x - m} / sum e^{x - m}} along {@code axis}, m the maximum along it, so no
     * exponential overflows; out has the shape of in (and may be the same view as in).
     */
    void softmax(Tensor in, int axis, Tensor out);

    default Tensor softmax(Tensor in, int axis) {
        Tensor out = Tensor.zeros(in.shape());
        softmax(in, axis, out);
        return out;
    }

    /**
     * {@code out = x - m - log sum e^{x - m}} along {@code axis} (log of the softmax without its
     * underflow); out has the shape of in (and may be the same view as in).
     */
    void logSoftmax(Tensor in, int axis, Tensor out);

    default Tensor logSoftmax(Tensor in, int axis) {
        Tensor out = Tensor.zeros(in.shape());
        logSoftmax(in, axis, out);
        return out;
    }
}
