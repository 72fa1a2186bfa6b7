package org.netcompare.engine.linalg;

import java.util.Arrays;
import org.netcompare.engine.parallel.Parallelism;

/**
 * A run of k Householder reflectors in compact WY form, {@code H_0 H_1 ... H_{k-1} = I - V T V^T}
 * (Schreiber and Van Loan, SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub and Van Loan, 4th ed.,
 * section 5.2.3), with V a rows x k unit lower trapezoidal matrix and T a k x k upper triangular
 * one: LAPACK's {@code dlarft} and {@code dlarfb} for forward, column-wise reflectors.
 *
 * <p>Applying the block costs two matrix products, {@code W = V^T C} and {@code C -= V (T W)},
 * done by {@link ReflectorKernel#preferred()}. Columns of C are cut into chunks that run in
 * parallel: each chunk needs only its own slice of W.
 *
 * <p>One instance is a workspace sized once for the largest block; {@link #load} refills it.
 */
final class BlockReflector {

    /** Columns of C per task: a k x 128 slice of W (32 KiB for k = 32) stays in the L1/L2 cache. */
    private static final int COLUMN_CHUNK = 128;
    /** Below this many multiply-adds a block is applied on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 18;
    /**
     * Rows of C per pass of {@code W += V^T C}: a 256-row strip one kernel step wide (32 KiB at 16
     * columns) stays in the L1 cache while the rows of W pass over it.
     */
    private static final int ROW_BLOCK = 256;
    private static final ReflectorKernel SCALAR = new ScalarReflectorKernel();
    private static final ReflectorKernel KERNEL = ReflectorKernel.preferred();

    /** V packed row-major rows x k, with its unit diagonal and zero upper triangle explicit. */
    private final double[] v;
    /** T, row-major k x k, upper triangular. */
    private final double[] t;
    /** The Gram matrix V^T V while T is formed. */
    private final double[] gram;
    private final ReflectorKernel kernel;
    private int rows;
    private int k;

    BlockReflector(int maxRows, int maxReflectors) {
        this(maxRows, maxReflectors, KERNEL);
    }

    /** With a chosen kernel, so that tests run both. */
    BlockReflector(int maxRows, int maxReflectors, ReflectorKernel kernel) {
        this.kernel = kernel;
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
     * {@code T[i, i] = tau_i} (Schreiber and Van Loan 1989, LAPACK {@code dlarft}), with all the
     * inner products {@code V^T V} taken at once by the kernel (the lower half is computed too:
     * a full product vectorises, a triangle would not).
     */
    private void formTriangularFactor(double[] tau, int tauOffset) {
        Arrays.fill(gram, 0, k * k, 0);
        int wide = k - k % kernel.columnStep();
        kernel.accumulate(v, 0, k, rows, v, 0, k, gram, 0, k, wide);
        if (wide < k) {
            SCALAR.accumulate(v, 0, k, rows, v, wide, k, gram, wide, k, k - wide);
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

    /**
     * Columns [from, to) of C. {@code W = V^T C} walks down the rows of C once per four rows of
     * W, so it reads each block of rows from a copy laid out as contiguous column strips (as GEMM
     * packs B): strided rows a power of two apart would compete for the same cache sets (10000 x
     * 512 doubles has 4 KiB rows). A strip is one step of the vector kernel wide, the plain
     * kernel the columns left over; the plain kernel alone streams whole rows, one strip.
     */
    private void applyChunk(boolean transpose, double[] c, int offset, int ldc, int from, int to) {
        int width = to - from;
        int strip = kernel.columnStep() > 1 ? kernel.columnStep() : width;
        int wide = width - width % strip;
        int start = offset + from;
        double[] w = new double[k * width];
        double[] block = new double[Math.min(rows, ROW_BLOCK) * width];
        for (int r = 0; r < rows; r += ROW_BLOCK) {
            int count = Math.min(rows - r, ROW_BLOCK);
            for (int i = 0; i < count; i++) {
                int row = start + (r + i) * ldc;
                for (int j = 0; j < wide; j += strip) {
                    System.arraycopy(c, row + j, block, j * count + i * strip, strip);
                }
                System.arraycopy(c, row + wide, block, wide * count + i * (width - wide),
                        width - wide);
            }
            for (int j = 0; j < wide; j += strip) {
                kernel.accumulate(v, r * k, k, count, block, j * count, strip, w, j, width, strip);
            }
            if (wide < width) {
                SCALAR.accumulate(v, r * k, k, count, block, wide * count, width - wide, w, wide,
                        width, width - wide);
            }
        }
        if (transpose) {
            multiplyByTTranspose(w, width);
        } else {
            multiplyByT(w, width);
        }
        subtract(kernel, v, k, rows, w, 0, width, c, start, ldc, width);
    }

    /**
     * {@code C -= V W} for a rows x k V packed row-major, W k x cols (row p at
     * {@code w[wOffset + p * ldw]}) and C rows x cols at {@code c[cOffset + r * ldc]}: the
     * deferred update of a pivoted QR panel ({@link PivotedQrPanel}), parallel over columns.
     */
    static void subtractProduct(double[] v, int k, int rows, double[] w, int wOffset, int ldw,
            double[] c, int cOffset, int ldc, int cols) {
        int chunks = (cols + COLUMN_CHUNK - 1) / COLUMN_CHUNK;
        if ((long) rows * cols * k < PARALLEL_WORK) {
            subtract(KERNEL, v, k, rows, w, wOffset, ldw, c, cOffset, ldc, cols);
            return;
        }
        Parallelism.forEach(chunks, chunk -> {
            int from = chunk * COLUMN_CHUNK;
            subtract(KERNEL, v, k, rows, w, wOffset + from, ldw, c, cOffset + from, ldc,
                    Math.min(cols - from, COLUMN_CHUNK));
        });
    }

    /** {@code C -= V W} on the calling thread: the kernel's widest multiple, then the rest. */
    private static void subtract(ReflectorKernel kernel, double[] v, int k, int rows, double[] w,
            int wOffset, int ldw, double[] c, int cOffset, int ldc, int cols) {
        int wide = cols - cols % kernel.columnStep();
        kernel.subtract(v, 0, k, rows, c, cOffset, ldc, w, wOffset, ldw, wide);
        if (wide < cols) {
            SCALAR.subtract(v, 0, k, rows, c, cOffset + wide, ldc, w, wOffset + wide, ldw,
                    cols - wide);
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
}
