package org.netcompare.engine.linalg;

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

    /** Rows of {@code Q^T} one task forms; the reflectors are reused across them from cache. */
    private static final int ROW_BLOCK = 16;

    private final int n;
    private double[] reflector;
    private double[] pendingReflector;
    private double[] pendingUpdate;
    private final double[] product;

    HouseholderTridiagonal(int n) {
        this.n = n;
        this.reflector = new double[n];
        this.pendingReflector = new double[n];
        this.pendingUpdate = new double[n];
        this.product = new double[n];
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
            double t = Householder.generate(a, rowK + k + 1, n - k - 1, 1);
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
     * of {@code B v} (the upper triangle stands for both halves of the symmetric block).
     */
    private void updateAndMultiply(double[] a, int first) {
        double[] pv = pendingReflector;
        double[] pw = pendingUpdate;
        double[] v = reflector;
        double[] p = product;
        java.util.Arrays.fill(p, first, n, 0);
        for (int i = first; i < n; i++) {
            int row = i * n;
            double pvi = pv[i];
            double pwi = pw[i];
            double vi = v[i];
            double aii = a[row + i] - 2 * pvi * pwi;
            a[row + i] = aii;
            double dot = aii * vi;
            for (int j = i + 1; j < n; j++) {
                double aij = a[row + j] - pvi * pw[j] - pwi * pv[j];
                a[row + j] = aij;
                dot += aij * v[j];
                p[j] += aij * vi;
            }
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
     * reflectors {@link #reduce} left in {@code a} and {@code tau}. Row i of {@code Q^T} is
     * {@code e_i^T H_{i-1} ... H_0} (the later reflectors leave it alone), so rows are formed
     * independently, a block of rows at a time, each reflector applied to the block from cache.
     */
    void formQTransposed(double[] a, double[] tau, double[] qt) {
        java.util.Arrays.fill(qt, 0, n * n, 0);
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        Parallelism.forEach(blocks, block -> {
            int from = block * ROW_BLOCK;
            int to = Math.min(n, from + ROW_BLOCK);
            for (int i = from; i < to; i++) {
                qt[i * n + i] = 1;
            }
            for (int k = Math.min(to - 2, n - 3); k >= 0; k--) {
                double t = tau[k];
                if (t == 0) {
                    continue;
                }
                int v = k * n;
                for (int i = Math.max(from, k + 1); i < to; i++) {
                    int row = i * n;
                    double dot = qt[row + k + 1];
                    for (int j = k + 2; j < n; j++) {
                        dot += qt[row + j] * a[v + j];
                    }
                    double f = t * dot;
                    qt[row + k + 1] -= f;
                    for (int j = k + 2; j < n; j++) {
                        qt[row + j] -= f * a[v + j];
                    }
                }
            }
        });
    }
}
