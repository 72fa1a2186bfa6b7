package org.netcompare.engine.linalg;

import java.util.function.IntConsumer;
import org.netcompare.engine.parallel.Parallelism;

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, {@code A = Q T Q^T}
 * (Golub and Van Loan, 4th ed., algorithm 8.3.1), and the explicit {@code Q^T}.
 *
 * <p>The matrix is row-major and only its upper triangle is read and written, so every inner
 * loop runs along a row. Step k needs {@code p = tau B v} of the trailing block B and then the
 * rank-two update {@code B -= v w^T + w v^T}; each step's update is applied to a row in the same
 * pass that reads that row for the next step's product, so the trailing block streams through
 * memory once per step instead of twice.
 */
final class HouseholderTridiagonal {

    private static final RankTwoRowKernel KERNEL = RankTwoRowKernel.best();
    /** Below this many trailing entries a step runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 15;
    /** Rows per chunk of a step; fixed so that sums do not depend on the thread count. */
    private static final int CHUNK_ROWS = 64;

    private final int n;
    private double[] reflector;
    private double[] pendingReflector;
    private double[] pendingUpdate;
    private final double[] product;
    private double[][] partialProducts = new double[0][];
    private final ReflectorGroups reflectors;

    HouseholderTridiagonal(int n) {
        this.n = n;
        this.reflector = new double[n];
        this.pendingReflector = new double[n];
        this.pendingUpdate = new double[n];
        this.product = new double[n];
        this.reflectors = new ReflectorGroups(Math.max(0, n - 2), n, 1);
    }

    int size() {
        return n;
    }

    /**
     * Reduces the upper triangle of the row-major n x n {@code a} in place. On return
     * {@code diagonal[0..n-1]} and {@code offDiagonal[0..n-2]} hold T; row k of {@code a} holds
     * reflector k's vector in columns k+2..n-1 (its entry in column k+1 is an implied 1) and
     * {@code tau[k]} its factor, for k = 0..n-3.
     */
    void reduce(double[] a, double[] diagonal, double[] offDiagonal, double[] tau) {
        java.util.Arrays.fill(pendingReflector, 0);
        java.util.Arrays.fill(pendingUpdate, 0);
        for (int k = 0; k < n - 2; k++) {
            int rowK = k * n;
            applyPendingUpdate(a, k);
            diagonal[k] = a[rowK + k];
            double t = Householder.generateUnlessNegligible(a, rowK + k + 1, n - k - 1, 1,
                    Householder.NEGLIGIBLE_AT_UNIT_SCALE);
            tau[k] = t;
            offDiagonal[k] = a[rowK + k + 1];
            double[] v = reflector;
            v[k + 1] = 1;
            System.arraycopy(a, rowK + k + 2, v, k + 2, n - k - 2);
            updateAndMultiply(a, k + 1);
            formUpdate(k + 1, t);
        }
        for (int k = Math.max(0, n - 2); k < n; k++) {
            applyPendingUpdate(a, k);
            diagonal[k] = a[k * n + k];
            if (k + 1 < n) {
                offDiagonal[k] = a[k * n + k + 1];
            }
        }
    }

    /** Row k of the trailing block gets the previous step's rank-two update. */
    private void applyPendingUpdate(double[] a, int k) {
        double[] v = pendingReflector;
        double[] w = pendingUpdate;
        int row = k * n;
        double vk = v[k];
        double wk = w[k];
        for (int j = k; j < n; j++) {
            a[row + j] -= vk * w[j] + wk * v[j];
        }
    }

    /**
     * For every row i >= first: applies the pending update to row i, then adds row i's share
     * of {@code B v} (the upper triangle stands for both halves of the symmetric block). Rows
     * go in fixed chunks, run in parallel when the block is large; each chunk sums into its
     * own vector and the vectors are added in chunk order, so the result does not depend on
     * the number of threads.
     */
    private void updateAndMultiply(double[] a, int first) {
        int chunks = (n - first + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (partialProducts.length < chunks) {
            partialProducts = new double[chunks][n];
        }
        IntConsumer chunk = c -> {
            int from = first + c * CHUNK_ROWS;
            double[] p = partialProducts[c];
            java.util.Arrays.fill(p, from, n, 0);
            updateRows(a, from, Math.min(n, from + CHUNK_ROWS), p);
        };
        long entries = (long) (n - first) * (n - first) / 2;
        if (entries < PARALLEL_WORK) {
            for (int c = 0; c < chunks; c++) {
                chunk.accept(c);
            }
        } else {
            Parallelism.forEach(chunks, chunk);
        }
        double[] p = product;
        java.util.Arrays.fill(p, first, n, 0);
        for (int c = 0; c < chunks; c++) {
            double[] partial = partialProducts[c];
            for (int j = first + c * CHUNK_ROWS; j < n; j++) {
                p[j] += partial[j];
            }
        }
    }

    private void updateRows(double[] a, int from, int to, double[] p) {
        double[] pv = pendingReflector;
        double[] pw = pendingUpdate;
        double[] v = reflector;
        for (int i = from; i < to; i++) {
            int row = i * n;
            double pvi = pv[i];
            double pwi = pw[i];
            double vi = v[i];
            double aii = a[row + i] - 2 * pvi * pwi;
            a[row + i] = aii;
            double dot = aii * vi
                    + KERNEL.apply(a, row, i + 1, n, pvi, pwi, vi, pv, pw, v, p);
            p[i] += dot;
        }
    }

    /** {@code w = tau p - (tau^2 / 2)(p^T v) v}, GVL (8.3.2); becomes the pending update. */
    private void formUpdate(int first, double tau) {
        double[] v = reflector;
        double[] p = product;
        double pv = 0;
        for (int j = first; j < n; j++) {
            p[j] *= tau;
            pv += p[j] * v[j];
        }
        double alpha = -0.5 * tau * pv;
        double[] w = pendingUpdate;
        for (int j = first; j < n; j++) {
            w[j] = p[j] + alpha * v[j];
        }
        pendingUpdate = w;
        double[] previous = pendingReflector;
        pendingReflector = reflector;
        reflector = previous;
    }

    /**
     * Writes {@code Q^T = H_{n-3} ... H_0} (row-major n x n) into {@code qt}, from the
     * reflectors {@link #reduce} left in {@code a} and {@code tau}.
     */
    void formQTransposed(double[] a, double[] tau, double[] qt) {
        for (int k = 0; k < reflectors.count(); k++) {
            reflectors.set(k, tau[k], a, k * n + k + 2, 1);
        }
        reflectors.finish();
        reflectors.formTransposed(qt, n);
    }
}
