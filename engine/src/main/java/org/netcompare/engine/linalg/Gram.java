package org.netcompare.engine.linalg;

import org.netcompare.engine.parallel.Parallelism;

/**
 * Scaled Gram matrices {@code s X^T X} and {@code s X X^T} of a row-major matrix, computed on
 * the upper triangle and mirrored, so the result is exactly symmetric.
 */
final class Gram {

    /** Samples folded into one pass over a row of the result, to divide its memory traffic. */
    private static final int SAMPLE_BLOCK = 8;
    /** Result rows per parallel task. */
    private static final int ROW_BLOCK = 8;

    private Gram() {
    }

    /** {@code scale X^T X}, f x f for an n x f X (the covariance of centred samples). */
    static Matrix ofColumns(Matrix x, double scale) {
        int n = x.rows();
        int f = x.cols();
        double[] a = x.data();
        Matrix out = Matrix.zeros(f, f);
        double[] c = out.data();
        Parallelism.forEach((f + ROW_BLOCK - 1) / ROW_BLOCK, block -> {
            int from = block * ROW_BLOCK;
            int to = Math.min(f, from + ROW_BLOCK);
            for (int s0 = 0; s0 < n; s0 += SAMPLE_BLOCK) {
                int s1 = Math.min(n, s0 + SAMPLE_BLOCK);
                for (int i = from; i < to; i++) {
                    int row = i * f;
                    int s = s0;
                    for (; s + 4 <= s1; s += 4) {
                        int r0 = s * f;
                        int r1 = r0 + f;
                        int r2 = r1 + f;
                        int r3 = r2 + f;
                        double a0 = a[r0 + i];
                        double a1 = a[r1 + i];
                        double a2 = a[r2 + i];
                        double a3 = a[r3 + i];
                        for (int j = i; j < f; j++) {
                            c[row + j] += a0 * a[r0 + j] + a1 * a[r1 + j] + a2 * a[r2 + j]
                                    + a3 * a[r3 + j];
                        }
                    }
                    for (; s < s1; s++) {
                        int r0 = s * f;
                        double a0 = a[r0 + i];
                        for (int j = i; j < f; j++) {
                            c[row + j] += a0 * a[r0 + j];
                        }
                    }
                }
            }
        });
        scaleAndMirror(c, f, scale);
        return out;
    }

    /** {@code scale X X^T}, n x n for an n x f X (dot products of the rows). */
    static Matrix ofRows(Matrix x, double scale) {
        int n = x.rows();
        int f = x.cols();
        double[] a = x.data();
        Matrix out = Matrix.zeros(n, n);
        double[] c = out.data();
        Parallelism.forEach(n, i -> {
            int ri = i * f;
            for (int j = i; j < n; j++) {
                int rj = j * f;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int k = 0;
                // Four partial sums break the dependence chain of one running sum.
                for (; k + 4 <= f; k += 4) {
                    s0 += a[ri + k] * a[rj + k];
                    s1 += a[ri + k + 1] * a[rj + k + 1];
                    s2 += a[ri + k + 2] * a[rj + k + 2];
                    s3 += a[ri + k + 3] * a[rj + k + 3];
                }
                for (; k < f; k++) {
                    s0 += a[ri + k] * a[rj + k];
                }
                c[i * n + j] = (s0 + s1) + (s2 + s3);
            }
        });
        scaleAndMirror(c, n, scale);
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
