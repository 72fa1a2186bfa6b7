package org.netcompare.engine.linalg;

/**
 * The complete orthogonal decomposition step of rank-deficient least squares: the leading r x n
 * trapezoid {@code [R11 R12]} of a pivoted R is written {@code [T 0] Z}, T r x r upper triangular
 * and Z n x n orthogonal, by reflectors applied from the right (LAPACK {@code dtzrzf} /
 * {@code dlatrz}; Golub and Van Loan, 4th ed., section 5.4, complete orthogonal decompositions).
 *
 * <p>Reflector i (for rows i = r-1 down to 0) acts on coordinate i and coordinates r..n-1 only;
 * it zeroes row i of R12 and keeps T upper triangular because the rows below i were cleared
 * before it. {@code Z = H_0 H_1 ... H_(r-1)}. The reflectors are formed at unit scale
 * ({@link UnitScaling}), so that an R near underflow cannot make them overflow.
 */
final class TrapezoidReduction {

    private final int r;
    private final int n;
    /** r x n: T in columns 0..r-1, reflector tails of row i in columns r..n-1. */
    private final double[] t;
    private final double[] tau;

    /**
     * @param triangle k x n upper trapezoidal R, k at least {@code rank}; its first rank rows
     *                 are read
     */
    TrapezoidReduction(Matrix triangle, int rank) {
        r = rank;
        n = triangle.cols();
        t = new double[r * n];
        System.arraycopy(triangle.data(), 0, t, 0, r * n);
        tau = new double[r];
        int tail = n - r;
        if (tail == 0) {
            return;
        }
        // Reflectors do not depend on the scale; T is scaled back below.
        double scale = UnitScaling.scaleToUnit(t, r * n);
        double[] x = new double[tail + 1];
        for (int i = r - 1; i >= 0; i--) {
            int row = i * n;
            x[0] = t[row + i];
            System.arraycopy(t, row + r, x, 1, tail);
            tau[i] = Householder.generateUnlessNegligible(x, 0, tail + 1, 1,
                    Householder.NEGLIGIBLE_AT_UNIT_SCALE);
            t[row + i] = x[0];
            System.arraycopy(x, 1, t, row + r, tail);
            // Rows above i meet H_i = I - tau v v^T from the right, v = (1 at i, tail at r..).
            for (int q = 0; q < i; q++) {
                int other = q * n;
                double dot = t[other + i];
                for (int l = 0; l < tail; l++) {
                    dot += t[other + r + l] * x[1 + l];
                }
                double scaled = tau[i] * dot;
                t[other + i] -= scaled;
                for (int l = 0; l < tail; l++) {
                    t[other + r + l] -= scaled * x[1 + l];
                }
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = i; j < r; j++) {
                t[i * n + j] /= scale;
            }
        }
    }

    /**
     * Rows 0..r-1 of {@code out} (n x p) become {@code T^-1 c[0:r]} by back substitution, c being
     * {@code Q^T B} (at least r rows, p columns); the other rows of out are left as they are.
     */
    void solveTriangular(Matrix c, Matrix out) {
        int p = c.cols();
        double[] x = out.data();
        double[] cd = c.data();
        for (int i = r - 1; i >= 0; i--) {
            int xi = i * p;
            System.arraycopy(cd, i * p, x, xi, p);
            for (int j = i + 1; j < r; j++) {
                double tij = t[i * n + j];
                int xj = j * p;
                for (int col = 0; col < p; col++) {
                    x[xi + col] -= tij * x[xj + col];
                }
            }
            double pivot = t[i * n + i];
            for (int col = 0; col < p; col++) {
                x[xi + col] /= pivot;
            }
        }
    }

    /** Overwrites {@code w} (n x p) with {@code Z^T w = H_(r-1) ... H_0 w}. */
    void applyZTranspose(Matrix w) {
        int tail = n - r;
        if (tail == 0) {
            return;
        }
        int p = w.cols();
        double[] d = w.data();
        double[] dots = new double[p];
        for (int i = 0; i < r; i++) {
            int vRow = i * n + r;
            System.arraycopy(d, i * p, dots, 0, p);
            for (int l = 0; l < tail; l++) {
                double vl = t[vRow + l];
                int wl = (r + l) * p;
                for (int col = 0; col < p; col++) {
                    dots[col] += vl * d[wl + col];
                }
            }
            for (int col = 0; col < p; col++) {
                dots[col] *= tau[i];
                d[i * p + col] -= dots[col];
            }
            for (int l = 0; l < tail; l++) {
                double vl = t[vRow + l];
                int wl = (r + l) * p;
                for (int col = 0; col < p; col++) {
                    d[wl + col] -= dots[col] * vl;
                }
            }
        }
    }
}
