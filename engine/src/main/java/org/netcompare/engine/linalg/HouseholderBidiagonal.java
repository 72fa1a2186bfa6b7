package org.netcompare.engine.linalg;

/**
 * Golub-Kahan Householder bidiagonalisation of an m x n matrix with m >= n,
 * {@code A = U_B B V_B^T} with B upper bidiagonal (Golub and Van Loan, 4th ed., algorithm 5.4.2),
 * and the explicit transposed factors.
 *
 * <p>Step k reflects column k onto its diagonal from the left, then row k onto its
 * superdiagonal from the right. The left update's rank-one correction and the right reflector
 * are applied to each row of the trailing block in one pass (the row stays in cache between
 * them), after one pass that forms {@code w = tau v^T A}; every inner loop runs along a row.
 */
final class HouseholderBidiagonal {

    private final int m;
    private final int n;
    private final double[] w;
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
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            double tl = Householder.generate(a, rowK + k, m - k, n);
            tauLeft[k] = tl;
            diagonal[k] = a[rowK + k];
            if (k + 1 == n) {
                break;
            }
            formLeftProduct(a, k, tl);
            for (int j = k + 1; j < n; j++) {
                a[rowK + j] -= w[j];
            }
            double tr = k + 2 < n ? Householder.generate(a, rowK + k + 1, n - k - 1, 1) : 0;
            tauRight[k] = tr;
            superDiagonal[k] = a[rowK + k + 1];
            rightVector[k + 1] = 1;
            System.arraycopy(a, rowK + k + 2, rightVector, k + 2, n - k - 2);
            for (int i = k + 1; i < m; i++) {
                updateRow(a, i * n, k, a[i * n + k], tr);
            }
        }
    }

    /** {@code w[k+1..n) = tau v^T A[k.., k+1..)}, v = (1, column k below the diagonal). */
    private void formLeftProduct(double[] a, int k, double tau) {
        java.util.Arrays.fill(w, k + 1, n, 0);
        if (tau == 0) {
            return;
        }
        for (int i = k; i < m; i++) {
            int row = i * n;
            double vi = i == k ? 1 : a[row + k];
            for (int j = k + 1; j < n; j++) {
                w[j] += vi * a[row + j];
            }
        }
        for (int j = k + 1; j < n; j++) {
            w[j] *= tau;
        }
    }

    /** Row i: the left update {@code -= v_i w}, then the right reflector {@code H = I - tau u u^T}. */
    private void updateRow(double[] a, int row, int k, double vi, double tau) {
        double[] u = rightVector;
        double dot0 = 0;
        double dot1 = 0;
        int j = k + 1;
        for (; j + 1 < n; j += 2) {
            double x0 = a[row + j] - vi * w[j];
            double x1 = a[row + j + 1] - vi * w[j + 1];
            a[row + j] = x0;
            a[row + j + 1] = x1;
            dot0 += x0 * u[j];
            dot1 += x1 * u[j + 1];
        }
        for (; j < n; j++) {
            double x = a[row + j] - vi * w[j];
            a[row + j] = x;
            dot0 += x * u[j];
        }
        if (tau == 0) {
            return;
        }
        double f = tau * (dot0 + dot1);
        for (j = k + 1; j < n; j++) {
            a[row + j] -= f * u[j];
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
