package org.netcompare.engine.linalg;

/**
 * Scaled Gram matrices {@code s X^T X} and {@code s X X^T} of a row-major matrix, through the
 * blocked {@link org.netcompare.engine.gemm.Dgemm} product; the upper triangle is mirrored, so
 * the result is exactly symmetric. The full product does twice the multiply-adds of one triangle,
 * and is still several times faster than a triangle of plain loops.
 */
final class Gram {

    private Gram() {
    }

    /** {@code scale X^T X}, f x f for an n x f X (the covariance of centred samples). */
    static Matrix ofColumns(Matrix x, double scale) {
        Matrix out = x.transposeTimes(x);
        scaleAndMirror(out.data(), out.rows(), scale);
        return out;
    }

    /**
     * {@code scale X X^T}, n x n for an n x f X (dot products of the rows): computed as
     * {@code (X^T)^T X^T}, since the blocked product takes a transposed left operand only; the
     * n x f transpose costs little beside the n^2 f multiply-adds.
     */
    static Matrix ofRows(Matrix x, double scale) {
        Matrix columns = x.transpose();
        Matrix out = columns.transposeTimes(columns);
        scaleAndMirror(out.data(), out.rows(), scale);
        return out;
    }

    private static void scaleAndMirror(double[] c, int n, double scale) {
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = c[i * n + j] * scale;
                c[i * n + j] = v;
                c[j * n + i] = v;
            }
        }
    }
}
