package org.netcompare.engine.linalg;

import java.util.function.IntConsumer;
import org.netcompare.engine.parallel.Parallelism;

/**
 * Golub-Kahan Householder bidiagonalisation of an m x n matrix with m >= n,
 * {@code A = U_B B V_B^T} with B upper bidiagonal (Golub and Van Loan, 4th ed., algorithm 5.4.2),
 * and the explicit transposed factors.
 *
 * <p>Step k reflects column k onto its diagonal from the left, then row k onto its
 * superdiagonal from the right, in one pass over the trailing rows: each row gets the left
 * update, then the right reflector, then adds its share of the next step's left product
 * {@code v^T A}. That share can be formed before the next reflector exists because the
 * reflector's tail is the column itself times one scalar, {@code 1 / (alpha - beta)}; so the
 * trailing block streams through memory once per step instead of three times.
 */
final class HouseholderBidiagonal {

    private final int m;
    private final int n;
    private static final BidiagonalRowKernel KERNEL = BidiagonalRowKernel.best();
    /** Below this many trailing entries a step runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 15;
    /** Rows per chunk of a step; fixed so that sums do not depend on the thread count. */
    private static final int CHUNK_ROWS = 128;

    private final double[] w;
    /** {@code z = sum_{i > k} A[i, k] A[i, k+1..)} for the current step k. */
    private final double[] columnProduct;
    private double[][] partialProducts = new double[0][];
    private final double[] rightVector;
    private final ReflectorGroups left;
    private final ReflectorGroups right;

    HouseholderBidiagonal(int m, int n) {
        if (m < n) {
            throw new IllegalArgumentException("bidiagonalisation needs rows >= cols, got " + m
                    + " x " + n);
        }
        this.m = m;
        this.n = n;
        this.w = new double[n];
        this.columnProduct = new double[n];
        this.rightVector = new double[n];
        this.left = new ReflectorGroups(n, m, 0);
        this.right = new ReflectorGroups(Math.max(0, n - 2), n, 1);
    }

    boolean fits(int rows, int cols) {
        return rows == m && cols == n;
    }

    /**
     * Reduces the row-major m x n {@code a} in place: {@code diagonal[0..n-1]} and
     * {@code superDiagonal[0..n-2]} receive B; column k below the diagonal keeps left reflector
     * k's tail and row k right of the superdiagonal keeps right reflector k's tail.
     */
    void reduce(double[] a, double[] diagonal, double[] superDiagonal, double[] tauLeft,
            double[] tauRight) {
        if (n == 0) {
            return;
        }
        firstColumnProduct(a);
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            double alpha = a[rowK + k];
            double tl = Householder.generateUnlessNegligible(a, rowK + k, m - k, n,
                    Householder.NEGLIGIBLE_AT_UNIT_SCALE);
            tauLeft[k] = tl;
            diagonal[k] = a[rowK + k];
            if (k + 1 == n) {
                break;
            }
            // v = (1, A[k+1.., k] / (alpha - beta)), so
            // tau v^T A = tau (A[k, :] + z / (alpha - beta)).
            double tailScale = tl == 0 ? 0 : 1 / (alpha - diagonal[k]);
            for (int j = k + 1; j < n; j++) {
                w[j] = tl * (a[rowK + j] + tailScale * columnProduct[j]);
                a[rowK + j] -= w[j];
            }
            double tr = k + 2 < n ? Householder.generateUnlessNegligible(a, rowK + k + 1,
                    n - k - 1, 1, Householder.NEGLIGIBLE_AT_UNIT_SCALE) : 0;
            tauRight[k] = tr;
            superDiagonal[k] = a[rowK + k + 1];
            rightVector[k + 1] = 1;
            System.arraycopy(a, rowK + k + 2, rightVector, k + 2, n - k - 2);
            updateTrailingRows(a, k, tr);
        }
    }

    /**
     * The one pass of step k over rows k+1..m-1, in fixed chunks of rows that run in parallel
     * when the block is large. Each chunk sums its own share of z and the shares are added in
     * chunk order, so the result does not depend on the number of threads.
     */
    private void updateTrailingRows(double[] a, int k, double tr) {
        int first = k + 1;
        int chunks = (m - first + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (partialProducts.length < chunks) {
            partialProducts = new double[chunks][n];
        }
        IntConsumer chunk = c -> {
            double[] z = partialProducts[c];
            java.util.Arrays.fill(z, k + 2, n, 0);
            int from = first + c * CHUNK_ROWS;
            updateRows(a, k, tr, from, Math.min(m, from + CHUNK_ROWS), z);
        };
        if ((long) (m - first) * (n - k) < PARALLEL_WORK) {
            for (int c = 0; c < chunks; c++) {
                chunk.accept(c);
            }
        } else {
            Parallelism.forEach(chunks, chunk);
        }
        java.util.Arrays.fill(columnProduct, k + 2, n, 0);
        for (int c = 0; c < chunks; c++) {
            double[] z = partialProducts[c];
            for (int j = k + 2; j < n; j++) {
                columnProduct[j] += z[j];
            }
        }
    }

    private void updateRows(double[] a, int k, double tr, int from, int to, double[] z) {
        for (int i = from; i < to; i++) {
            int row = i * n;
            double dot = KERNEL.leftUpdateDot(a, row, k + 1, n, a[row + k], w, rightVector);
            double f = tr * dot;
            double head = a[row + k + 1] - f;
            a[row + k + 1] = head;
            // Row k+1 becomes the next pivot row; only the rows below it enter z.
            KERNEL.rightUpdateAccumulate(a, row, k + 2, n, f, rightVector,
                    i == k + 1 ? 0 : head, z);
        }
    }

    /** z = sum over rows i > 0 of A[i, 0] A[i, 1..), the first step's share of v^T A. */
    private void firstColumnProduct(double[] a) {
        java.util.Arrays.fill(columnProduct, 0);
        for (int i = 1; i < m; i++) {
            int row = i * n;
            double c = a[row];
            for (int j = 1; j < n; j++) {
                columnProduct[j] += c * a[row + j];
            }
        }
    }

    /** Rows 0..rows-1 of {@code U_B^T} (rows x m, row-major), rows = n (thin) or m (full). */
    void formLeftTransposed(double[] a, double[] tauLeft, double[] out, int rows) {
        for (int k = 0; k < n; k++) {
            left.set(k, tauLeft[k], a, (k + 1) * n + k, n);
        }
        left.finish();
        left.formTransposed(out, rows);
    }

    /** {@code V_B^T} (n x n, row-major). */
    void formRightTransposed(double[] a, double[] tauRight, double[] out) {
        for (int k = 0; k < right.count(); k++) {
            right.set(k, tauRight[k], a, k * n + k + 2, 1);
        }
        right.finish();
        right.formTransposed(out, n);
    }
}
