package org.netcompare.engine.linalg;

import java.util.Arrays;
import org.netcompare.engine.parallel.Parallelism;

/**
 * One panel of Householder QR with column pivoting, LAPACK's {@code dlaqps} (Quintana-Orti, Sun
 * and Bischof, SIAM J. Sci. Comput. 19(5), 1998; Golub and Van Loan, 4th ed., section 5.4.2).
 *
 * <p>Pivoting needs every column norm after every step, but the norms only need row k of the
 * updated matrix. So the trailing columns are not updated step by step: with
 * {@code F^T = tau v^T A} accumulated one row per reflector, column k is brought up to date just
 * before its reflector is formed, row k just before the norms are downdated, and the rest of the
 * trailing matrix once per panel as {@code A -= V F^T}. Each step then reads the trailing matrix
 * once (for row k of F^T) instead of reading and writing it.
 *
 * <p>A downdated norm that has lost half its digits cannot be recomputed mid-panel (the column is
 * not up to date), so the panel ends after that step and the norm is recomputed after the
 * update, as in {@code dlaqps}.
 *
 * <p>The matrix comes scaled to a largest entry near 1 ({@link Qr}), so that reflector tails
 * below {@link Householder#NEGLIGIBLE_AT_UNIT_SCALE} can be dropped.
 */
final class PivotedQrPanel {

    /** LAPACK's {@code tol3z}: below this relative remainder a downdated norm is recomputed. */
    private static final double NORM_RECOMPUTE = Math.sqrt(Math.ulp(1.0));
    /** Columns per task of the per-step product {@code v^T A}. */
    private static final int COLUMN_CHUNK = 256;
    /** Below this many multiply-adds the per-step product stays on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 17;
    private static final ReflectorKernel KERNEL = ReflectorKernel.preferred();
    private static final ReflectorKernel SCALAR = new ScalarReflectorKernel();

    private final int blockSize;
    /** F^T, panel steps x (n - start) row-major: row q, column c - start. */
    private final double[] f;
    /** The current reflector, contiguous. */
    private final double[] reflector;
    /** The panel's reflector tails below it, packed rows x steps for the deferred update. */
    private final double[] tails;
    private final double[] inner;
    private final boolean[] stale;

    PivotedQrPanel(int m, int n, int blockSize) {
        this.blockSize = blockSize;
        f = new double[Math.multiplyExact(blockSize, Math.max(n, 1))];
        reflector = new double[Math.max(m, 1)];
        tails = new double[Math.multiplyExact(Math.max(m, 1), blockSize)];
        inner = new double[blockSize];
        stale = new boolean[n];
    }

    /** Whether this workspace serves an m x n matrix. */
    boolean fits(int m, int n) {
        return f.length >= (long) blockSize * n && reflector.length >= m
                && tails.length >= (long) m * blockSize && stale.length >= n;
    }

    /**
     * Factors columns from {@code start} of the row-major m x n {@code a}, whose rows and columns
     * before start are finished, for at most blockSize steps.
     *
     * @param norms      downdated norms of the trailing parts of the columns ({@code vn1})
     * @param recomputed the norms they were last computed afresh at ({@code vn2})
     * @return the number of steps taken
     */
    int factor(double[] a, int m, int n, int start, int[] pivots, double[] tau, double[] norms,
            double[] recomputed) {
        int steps = Math.min(blockSize, Math.min(m, n) - start);
        int width = n - start;
        Arrays.fill(f, 0, steps * width, 0);
        boolean anyStale = false;
        int k = 0;
        while (k < steps && !anyStale) {
            int rk = start + k;
            pivot(a, m, n, start, k, pivots, norms, recomputed);
            // Column rk has not seen this panel's reflectors yet:
            // A(rk:, rk) -= A(rk:, start:rk) F^T(:, rk).
            if (k > 0) {
                for (int i = rk; i < m; i++) {
                    int row = i * n;
                    double sum = 0;
                    for (int q = 0; q < k; q++) {
                        sum += a[row + start + q] * f[q * width + rk - start];
                    }
                    a[row + rk] -= sum;
                }
            }
            double tauK = Householder.generateUnlessNegligible(a, rk * n + rk, m - rk, n,
                    Householder.NEGLIGIBLE_AT_UNIT_SCALE);
            tau[rk] = tauK;
            double diagonal = a[rk * n + rk];
            a[rk * n + rk] = 1;
            int rows = m - rk;
            for (int i = 0; i < rows; i++) {
                reflector[i] = a[(rk + i) * n + rk];
            }
            int right = n - rk - 1;
            int fk = k * width + rk + 1 - start;
            // F^T(k, rk+1:) = tau v^T A(rk:, rk+1:) - tau (v^T V) F^T, on the columns still ahead.
            multiplyReflector(a, n, rk, rows, right, fk);
            for (int c = 0; c < right; c++) {
                f[fk + c] *= tauK;
            }
            if (k > 0) {
                Arrays.fill(inner, 0, k, 0);
                for (int i = 0; i < rows; i++) {
                    int row = (rk + i) * n + start;
                    double vi = reflector[i];
                    for (int q = 0; q < k; q++) {
                        inner[q] += a[row + q] * vi;
                    }
                }
                for (int q = 0; q < k; q++) {
                    double coefficient = -tauK * inner[q];
                    int fq = q * width + rk + 1 - start;
                    for (int c = 0; c < right; c++) {
                        f[fk + c] += coefficient * f[fq + c];
                    }
                }
            }
            // Row rk of R: A(rk, rk+1:) -= A(rk, start:rk+1) F^T(0:k+1, rk+1:).
            int row = rk * n;
            for (int q = 0; q <= k; q++) {
                double coefficient = a[row + start + q];
                int fq = q * width + rk + 1 - start;
                for (int c = 0; c < right; c++) {
                    a[row + rk + 1 + c] -= coefficient * f[fq + c];
                }
            }
            anyStale = downdateNorms(a, n, rk, norms, recomputed);
            a[row + rk] = diagonal;
            k++;
        }
        int done = start + k;
        if (done < m && done < n) {
            int rows = m - done;
            for (int i = 0; i < rows; i++) {
                System.arraycopy(a, (done + i) * n + start, tails, i * k, k);
            }
            BlockReflector.subtractProduct(tails, k, rows, f, done - start, width, a,
                    done * n + done, n, n - done);
        }
        for (int c = done; c < n; c++) {
            if (stale[c]) {
                norms[c] = done < m ? Householder.norm(a, done * n + c, m - done, n) : 0;
                recomputed[c] = norms[c];
                stale[c] = false;
            }
        }
        return k;
    }

    /** Brings the column of largest remaining norm to position start + k (all rows, and F^T). */
    private void pivot(double[] a, int m, int n, int start, int k, int[] pivots, double[] norms,
            double[] recomputed) {
        int rk = start + k;
        int best = rk;
        for (int c = rk + 1; c < n; c++) {
            if (norms[c] > norms[best]) {
                best = c;
            }
        }
        if (best == rk) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double held = a[row + rk];
            a[row + rk] = a[row + best];
            a[row + best] = held;
        }
        int width = n - start;
        for (int q = 0; q < k; q++) {
            double held = f[q * width + rk - start];
            f[q * width + rk - start] = f[q * width + best - start];
            f[q * width + best - start] = held;
        }
        int heldPivot = pivots[rk];
        pivots[rk] = pivots[best];
        pivots[best] = heldPivot;
        norms[best] = norms[rk];
        recomputed[best] = recomputed[rk];
    }

    /** {@code f[fk..] = v^T A(rk:, rk+1:)}, row by row, in column chunks across threads. */
    private void multiplyReflector(double[] a, int n, int rk, int rows, int right, int fk) {
        int offset = rk * n + rk + 1;
        if ((long) rows * right < PARALLEL_WORK) {
            multiplyColumns(a, n, rows, offset, fk, right);
            return;
        }
        int chunks = (right + COLUMN_CHUNK - 1) / COLUMN_CHUNK;
        Parallelism.forEach(chunks, chunk -> {
            int from = chunk * COLUMN_CHUNK;
            multiplyColumns(a, n, rows, offset + from, fk + from,
                    Math.min(right - from, COLUMN_CHUNK));
        });
    }

    /** One slice of {@link #multiplyReflector}: the kernel's widest multiple, then the rest. */
    private void multiplyColumns(double[] a, int n, int rows, int offset, int fk, int width) {
        int wide = width - width % KERNEL.columnStep();
        KERNEL.accumulate(reflector, 0, 1, rows, a, offset, n, f, fk, width, wide);
        if (wide < width) {
            SCALAR.accumulate(reflector, 0, 1, rows, a, offset + wide, n, f, fk + wide, width,
                    width - wide);
        }
    }

    /**
     * Removes row rk from the remaining column norms ({@code dlaqps}); returns whether one of
     * them has to be recomputed.
     */
    private boolean downdateNorms(double[] a, int n, int rk, double[] norms,
            double[] recomputed) {
        boolean any = false;
        for (int c = rk + 1; c < n; c++) {
            if (norms[c] == 0) {
                continue;
            }
            double ratio = Math.abs(a[rk * n + c]) / norms[c];
            double remaining = Math.max(0, (1 - ratio) * (1 + ratio));
            double sinceRecompute = norms[c] / recomputed[c];
            if (remaining * sinceRecompute * sinceRecompute <= NORM_RECOMPUTE) {
                stale[c] = true;
                any = true;
            } else {
                norms[c] *= Math.sqrt(remaining);
            }
        }
        return any;
    }
}
