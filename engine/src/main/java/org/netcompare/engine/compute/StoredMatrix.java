package org.netcompare.engine.compute;

import org.netcompare.engine.tensor.Tensor;

/**
 * A matrix operand as BLAS wants it: row-major storage with unit column stride and a leading
 * dimension. A view whose columns are contiguous instead is its transpose stored row-major, so
 * it is passed as that transpose with the op flag flipped; anything else is copied.
 */
final class StoredMatrix {

    final Tensor matrix;
    final int leading;
    /** True when {@link #matrix} is the transpose of the operand. */
    final boolean transposed;

    private StoredMatrix(Tensor matrix, int leading, boolean transposed) {
        this.matrix = matrix;
        this.leading = leading;
        this.transposed = transposed;
    }

    static StoredMatrix of(Tensor t) {
        int ld = rowMajorLeading(t);
        if (ld > 0) {
            return new StoredMatrix(t, ld, false);
        }
        Tensor flipped = t.transpose(0, 1);
        ld = rowMajorLeading(flipped);
        if (ld > 0) {
            return new StoredMatrix(flipped, ld, true);
        }
        Tensor packed = t.contiguous();
        return new StoredMatrix(packed, Math.max(1, packed.dim(1)), false);
    }

    /**
     * The leading dimension of a rank-2 view stored row-major with unit column stride, or -1
     * when it is not stored that way.
     */
    static int rowMajorLeading(Tensor t) {
        int rows = t.dim(0);
        int cols = t.dim(1);
        if (cols > 1 && t.stride(1) != 1) {
            return -1;
        }
        if (rows <= 1) {
            return Math.max(1, cols);
        }
        int ld = t.stride(0);
        return ld >= Math.max(1, cols) ? ld : -1;
    }
}
