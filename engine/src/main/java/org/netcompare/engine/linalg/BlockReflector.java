package org.netcompare.engine.linalg;

import java.util.Arrays;
import org.netcompare.engine.parallel.Parallelism;

/**
 * A run of k Householder reflectors in compact WY form, {@code H_0 H_1 ... H_{k-1} = I - V T V^T}
 * (Golub and Van Loan, 4th ed., section 5.1.7; Schreiber and Van Loan 1989), with V a rows x k
 * unit lower trapezoidal matrix and T a k x k upper triangular one: LAPACK's {@code dlarft} and
 * {@code dlarfb} for forward, column-wise reflectors.
 *
 * <p>Applying the block costs two matrix products, {@code W = V^T C} and {@code C -= V (T W)},
 * whose inner loops run along rows of the row-major C so that the JIT vectorises them. Columns of
 * C are cut into chunks that run in parallel: each chunk needs only its own slice of W.
 *
 * <p>One instance is a workspace sized once for the largest block; {@link #load} refills it.
 */
final class BlockReflector {

    /** Columns of C per task: a k x 128 slice of W (32 KiB for k = 32) stays in the L1/L2 cache. */
    private static final int COLUMN_CHUNK = 128;
    /** Below this many multiply-adds a block is applied on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 18;

    /** V packed row-major rows x k, with its unit diagonal and zero upper triangle explicit. */
    private final double[] v;
    /** T, row-major k x k, upper triangular. */
    private final double[] t;
    /** The Gram matrix V^T V (upper triangle) while T is formed. */
    private final double[] gram;
    private int rows;
    private int k;

    BlockReflector(int maxRows, int maxReflectors) {
        v = new double[Math.multiplyExact(Math.max(maxRows, 1), Math.max(maxReflectors, 1))];
        t = new double[maxReflectors * maxReflectors];
        gram = new double[maxReflectors * maxReflectors];
    }

    /** Whether this workspace can hold a block of the given size. */
    boolean fits(int blockRows, int reflectors) {
        return (long) blockRows * reflectors <= v.length
                && (long) reflectors * reflectors <= t.length;
    }

    /**
     * Reads k reflectors stored as LAPACK's {@code dgeqrf} leaves them: reflector p has its
     * implied 1 at {@code a[offset + p * lda + p]} and its tail below it in column p; entries on
     * and above that diagonal (R) are ignored. Then forms T from V and the scalars
     * {@code tau[tauOffset .. tauOffset + k - 1]} ({@code dlarft}).
     *
     * @param blockRows length of the first reflector (rows of V)
     */
    void load(double[] a, int offset, int lda, int blockRows, int reflectors, double[] tau,
            int tauOffset) {
        rows = blockRows;
        k = reflectors;
        for (int r = 0; r < rows; r++) {
            int row = offset + r * lda;
            int packed = r * k;
            for (int p = 0; p < k; p++) {
                v[packed + p] = p < r ? a[row + p] : p == r ? 1 : 0;
            }
        }
        formTriangularFactor(tau, tauOffset);
    }

    /**
     * T from the recurrence {@code T[0:i, i] = -tau_i T[0:i, 0:i] V[:, 0:i]^T v_i},
     * {@code T[i, i] = tau_i} (Golub and Van Loan, 4th ed., section 5.1.7), with all the inner
     * products {@code V^T V} taken in one row-ordered pass.
     */
    private void formTriangularFactor(double[] tau, int tauOffset) {
        Arrays.fill(gram, 0, k * k, 0);
        for (int r = 0; r < rows; r++) {
            int packed = r * k;
            for (int p = 0; p < k - 1; p++) {
                double vp = v[packed + p];
                if (vp == 0) {
                    continue;
                }
                int g = p * k;
                for (int q = p + 1; q < k; q++) {
                    gram[g + q] += vp * v[packed + q];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            double tauI = tau[tauOffset + i];
            t[i * k + i] = tauI;
            // T[p, i] = -tau_i sum_{q = p}^{i-1} T[p, q] (v_q . v_i); T[0:i, 0:i] is final already.
            for (int p = 0; p < i; p++) {
                double sum = 0;
                for (int q = p; q < i; q++) {
                    sum += t[p * k + q] * gram[q * k + i];
                }
                t[p * k + i] = -tauI * sum;
            }
            for (int p = i + 1; p < k; p++) {
                t[p * k + i] = 0;
            }
        }
    }

    /**
     * Overwrites the rows x cols block C (element (r, j) at {@code c[offset + r * ldc + j]}) with
     * {@code H C} or, when {@code transpose}, with {@code H^T C}, where {@code H = I - V T V^T}.
     */
    void apply(boolean transpose, double[] c, int offset, int ldc, int cols) {
        if (cols <= 0 || k == 0) {
            return;
        }
        int chunks = (cols + COLUMN_CHUNK - 1) / COLUMN_CHUNK;
        if ((long) rows * cols * k < PARALLEL_WORK || chunks == 1) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                applyChunk(transpose, c, offset, ldc, chunk * COLUMN_CHUNK,
                        Math.min(cols, (chunk + 1) * COLUMN_CHUNK));
            }
            return;
        }
        Parallelism.forEach(chunks, chunk -> applyChunk(transpose, c, offset, ldc,
                chunk * COLUMN_CHUNK, Math.min(cols, (chunk + 1) * COLUMN_CHUNK)));
    }

    private void applyChunk(boolean transpose, double[] c, int offset, int ldc, int from, int to) {
        int width = to - from;
        double[] w = new double[k * width];
        accumulateVTransposeC(c, offset + from, ldc, w, width);
        if (transpose) {
            multiplyByTTranspose(w, width);
        } else {
            multiplyByT(w, width);
        }
        subtractVW(c, offset + from, ldc, w, width);
    }

    /** W = V^T C, four rows of C per pass over W so that each W element is loaded once per four. */
    private void accumulateVTransposeC(double[] c, int offset, int ldc, double[] w, int width) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int c0 = offset + r * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            int v0 = r * k;
            for (int p = 0; p < k; p++) {
                double a0 = v[v0 + p];
                double a1 = v[v0 + k + p];
                double a2 = v[v0 + 2 * k + p];
                double a3 = v[v0 + 3 * k + p];
                int wp = p * width;
                for (int j = 0; j < width; j++) {
                    w[wp + j] += a0 * c[c0 + j] + a1 * c[c1 + j] + a2 * c[c2 + j]
                            + a3 * c[c3 + j];
                }
            }
        }
        for (; r < rows; r++) {
            int c0 = offset + r * ldc;
            for (int p = 0; p < k; p++) {
                double a0 = v[r * k + p];
                int wp = p * width;
                for (int j = 0; j < width; j++) {
                    w[wp + j] += a0 * c[c0 + j];
                }
            }
        }
    }

    /** W = T W in place: row p of T W needs rows p.. of W, so rows are finished in rising order. */
    private void multiplyByT(double[] w, int width) {
        for (int p = 0; p < k; p++) {
            int wp = p * width;
            double tpp = t[p * k + p];
            for (int j = 0; j < width; j++) {
                w[wp + j] *= tpp;
            }
            for (int q = p + 1; q < k; q++) {
                double tpq = t[p * k + q];
                int wq = q * width;
                for (int j = 0; j < width; j++) {
                    w[wp + j] += tpq * w[wq + j];
                }
            }
        }
    }

    /** W = T^T W in place: row p needs rows ..p, so rows are finished in falling order. */
    private void multiplyByTTranspose(double[] w, int width) {
        for (int p = k - 1; p >= 0; p--) {
            int wp = p * width;
            double tpp = t[p * k + p];
            for (int j = 0; j < width; j++) {
                w[wp + j] *= tpp;
            }
            for (int q = 0; q < p; q++) {
                double tqp = t[q * k + p];
                int wq = q * width;
                for (int j = 0; j < width; j++) {
                    w[wp + j] += tqp * w[wq + j];
                }
            }
        }
    }

    /** C -= V W, four columns of V per pass over a row of C. */
    private void subtractVW(double[] c, int offset, int ldc, double[] w, int width) {
        for (int r = 0; r < rows; r++) {
            int cr = offset + r * ldc;
            int vr = r * k;
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                double b0 = v[vr + p];
                double b1 = v[vr + p + 1];
                double b2 = v[vr + p + 2];
                double b3 = v[vr + p + 3];
                int w0 = p * width;
                int w1 = w0 + width;
                int w2 = w1 + width;
                int w3 = w2 + width;
                for (int j = 0; j < width; j++) {
                    c[cr + j] -= b0 * w[w0 + j] + b1 * w[w1 + j] + b2 * w[w2 + j]
                            + b3 * w[w3 + j];
                }
            }
            for (; p < k; p++) {
                double b0 = v[vr + p];
                int w0 = p * width;
                for (int j = 0; j < width; j++) {
                    c[cr + j] -= b0 * w[w0 + j];
                }
            }
        }
    }
}
