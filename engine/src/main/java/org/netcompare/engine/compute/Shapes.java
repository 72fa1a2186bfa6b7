package org.netcompare.engine.compute;

import java.util.Arrays;
import java.util.Locale;
import org.netcompare.engine.tensor.Tensor;

/**
 * Shape rules shared by every {@link Backend}: broadcasting, reduced shapes and the checks that
 * turn a mismatch into an {@link IllegalArgumentException} naming both shapes. Public so a
 * backend in another module refuses bad operands with the same messages.
 */
public final class Shapes {

    private Shapes() {
    }

    /**
     * The NumPy broadcast of two shapes: aligned at their last axes, each pair of sizes equal or
     * one of them 1.
     *
     * @param operation named in the message of the exception
     */
    public static int[] broadcast(String operation, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(operation + ": shapes " + Arrays.toString(a)
                        + " and " + Arrays.toString(b) + " do not broadcast");
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /** Refuses an output whose shape differs from the input's. */
    public static void requireSame(String operation, Tensor in, Tensor out) {
        if (!Arrays.equals(in.shape(), out.shape())) {
            throw new IllegalArgumentException(operation + ": input " + Arrays.toString(in.shape())
                    + " and output " + Arrays.toString(out.shape()) + " differ in shape");
        }
    }

    /** {@code axis} of {@code t} as a non-negative index; negative axes count from the end. */
    public static int axis(String operation, Tensor t, int axis) {
        int ax = axis < 0 ? axis + t.rank() : axis;
        if (ax < 0 || ax >= t.rank()) {
            throw new IllegalArgumentException(operation + ": axis " + axis + " outside "
                    + Arrays.toString(t.shape()));
        }
        return ax;
    }

    /** {@code shape} with axis {@code axis} set to 1 ({@code keepDims}) or removed. */
    public static int[] reduced(int[] shape, int axis, boolean keepDims) {
        if (keepDims) {
            int[] out = shape.clone();
            out[axis] = 1;
            return out;
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /**
     * Refuses an output of a reduction along {@code axis} (already normalised) that has neither
     * the kept-axis nor the removed-axis shape.
     */
    public static void requireReduced(String operation, Tensor in, int axis, Tensor out) {
        int[] shape = out.shape();
        if (!Arrays.equals(shape, reduced(in.shape(), axis, true))
                && !Arrays.equals(shape, reduced(in.shape(), axis, false))) {
            throw new IllegalArgumentException(operation + " along axis " + axis + ": input "
                    + Arrays.toString(in.shape()) + " does not reduce to output "
                    + Arrays.toString(shape));
        }
    }

    /**
     * Refuses a reduction that has no value on an empty axis (maximum, minimum, argmax) when the
     * result would have elements.
     */
    public static void requireNonEmptyAxis(String operation, Tensor in, int axis) {
        if (in.dim(axis) == 0 && countWithout(in.shape(), axis) > 0) {
            throw new IllegalArgumentException(operation + ": axis " + axis + " of "
                    + Arrays.toString(in.shape()) + " is empty");
        }
    }

    /**
     * The shape {m, n} of op(A) op(B), refusing operands that are not matrices or whose inner
     * sizes k differ.
     */
    public static int[] gemmShape(boolean transA, boolean transB, Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("gemm: operands must be matrices, got A "
                    + Arrays.toString(a.shape()) + " and B " + Arrays.toString(b.shape()));
        }
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(A) " + Arrays.toString(new int[] {m, k})
                    + " and op(B) " + Arrays.toString(new int[] {kb, n}) + " do not multiply");
        }
        return new int[] {m, n};
    }

    /** Refuses operands of {@code C = alpha op(A) op(B) + beta C} whose sizes do not match. */
    public static void requireGemm(boolean transA, boolean transB, Tensor a, Tensor b,
            Tensor c) {
        int[] product = gemmShape(transA, transB, a, b);
        if (!Arrays.equals(product, c.shape())) {
            throw new IllegalArgumentException("gemm: op(A) op(B) is "
                    + Arrays.toString(product) + " but C is " + Arrays.toString(c.shape()));
        }
    }

    /** Lower-case name of an operation, for messages. */
    public static String label(Enum<?> operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }

    private static long countWithout(int[] shape, int axis) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (i != axis) {
                n *= shape[i];
            }
        }
        return n;
    }
}
