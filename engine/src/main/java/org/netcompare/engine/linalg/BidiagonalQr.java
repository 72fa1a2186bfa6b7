package org.netcompare.engine.linalg;

/**
 * Singular values of an upper bidiagonal matrix by implicit shifted QR: the Golub-Kahan SVD
 * step with a Wilkinson shift from the trailing 2 x 2 of {@code B^T B}, splitting at negligible
 * superdiagonal entries and rotating away negligible diagonal entries (Golub and Van Loan, 4th
 * ed., algorithms 8.6.1 and 8.6.2).
 *
 * <p>Every rotation applied to rows of B is recorded for the rows of {@code U^T}, every
 * rotation applied to columns for the rows of {@code V^T}, so that
 * {@code B = U_Q diag(d) V_Q^T} on return. Diagonal entries may come out negative; callers fix
 * signs. B should be scaled so its largest entry is near 1: the shift squares entries.
 */
final class BidiagonalQr {

    private static final double EPS = Math.ulp(1.0);
    /** GVL's limit on QR sweeps before giving up; LAPACK's {@code dbdsqr} uses a similar one. */
    private static final int SWEEPS_PER_VALUE = 30;

    private final double[] d;
    private final double[] e;
    private final int n;
    private final RotationSequence left;
    private final RotationSequence right;
    private double negligibleDiagonal;

    /**
     * @param left  receives the row rotations (rows of U^T), or null
     * @param right receives the column rotations (rows of V^T), or null
     */
    BidiagonalQr(double[] diagonal, double[] superDiagonal, int n, RotationSequence left,
            RotationSequence right) {
        this.d = diagonal;
        this.e = superDiagonal;
        this.n = n;
        this.left = left;
        this.right = right;
    }

    /** Drives every superdiagonal entry to zero. */
    void diagonalise() {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[i]));
            if (i + 1 < n) {
                norm = Math.max(norm, Math.abs(e[i]));
            }
        }
        negligibleDiagonal = EPS * norm;
        int sweeps = 0;
        int end = n - 1;
        while (end > 0) {
            if (negligible(end - 1)) {
                e[end - 1] = 0;
                end--;
                continue;
            }
            int start = end - 1;
            while (start > 0 && !negligible(start - 1)) {
                start--;
            }
            if (start > 0) {
                e[start - 1] = 0;
            }
            if (++sweeps > SWEEPS_PER_VALUE * n) {
                throw new ArithmeticException("bidiagonal QR did not converge in " + (sweeps - 1)
                        + " sweeps");
            }
            int zero = zeroDiagonal(start, end);
            if (zero < 0) {
                step(start, end);
            } else if (zero < end) {
                chaseRow(zero, end);
            } else {
                chaseColumn(start, end);
            }
        }
    }

    private boolean negligible(int k) {
        double ek = Math.abs(e[k]);
        return ek <= EPS * (Math.abs(d[k]) + Math.abs(d[k + 1])) || ek < Double.MIN_NORMAL;
    }

    /** First k in [start, end] with a negligible diagonal entry (set to zero), or -1. */
    private int zeroDiagonal(int start, int end) {
        for (int k = start; k <= end; k++) {
            if (Math.abs(d[k]) <= negligibleDiagonal) {
                d[k] = 0;
                return k;
            }
        }
        return -1;
    }

    /**
     * d[k] = 0 with k < end: row rotations (j, k), j = k+1..end, push e[k] along row k and out
     * of the block (GVL section 8.6.2).
     */
    private void chaseRow(int k, int end) {
        double x = e[k];
        e[k] = 0;
        for (int j = k + 1; j <= end; j++) {
            if (x == 0) {
                return;
            }
            double r = Math.hypot(d[j], x);
            double c = d[j] / r;
            double s = x / r;
            d[j] = r;
            if (left != null) {
                left.add(j, k, c, s);
            }
            if (j < end) {
                x = -s * e[j];
                e[j] *= c;
            }
        }
    }

    /** d[end] = 0: column rotations (j, end), j = end-1 down to start, push e[end-1] up and out. */
    private void chaseColumn(int start, int end) {
        double x = e[end - 1];
        e[end - 1] = 0;
        for (int j = end - 1; j >= start; j--) {
            if (x == 0) {
                return;
            }
            double r = Math.hypot(d[j], x);
            double c = d[j] / r;
            double s = x / r;
            d[j] = r;
            if (right != null) {
                right.add(j, end, c, s);
            }
            if (j > start) {
                x = -s * e[j - 1];
                e[j - 1] *= c;
            }
        }
    }

    /** One Golub-Kahan SVD step on rows and columns start..end (GVL algorithm 8.6.1). */
    private void step(int start, int end) {
        double dm = d[end - 1];
        double dn = d[end];
        double em = e[end - 1];
        double el = end - 1 > start ? e[end - 2] : 0;
        double t11 = dm * dm + el * el;
        double t12 = dm * em;
        double t22 = dn * dn + em * em;
        double half = (t11 - t22) / 2;
        double shift = t12 == 0 ? t22
                : t22 - t12 * (t12 / (half + Math.copySign(Math.hypot(half, t12), half)));
        double y = d[start] * d[start] - shift;
        double z = d[start] * e[start];
        for (int k = start; k < end; k++) {
            // Column rotation zeroes z against y (the bulge in row k-1, or the shifted start).
            double r = Math.hypot(y, z);
            double c = r == 0 ? 1 : y / r;
            double s = r == 0 ? 0 : z / r;
            if (k > start) {
                e[k - 1] = r;
            }
            double dk = d[k];
            double ek = e[k];
            double next = d[k + 1];
            d[k] = c * dk + s * ek;
            e[k] = c * ek - s * dk;
            double bulge = s * next;
            d[k + 1] = c * next;
            if (right != null) {
                right.add(k, c, s);
            }
            // Row rotation zeroes the bulge below the diagonal.
            r = Math.hypot(d[k], bulge);
            c = r == 0 ? 1 : d[k] / r;
            s = r == 0 ? 0 : bulge / r;
            d[k] = r;
            ek = e[k];
            next = d[k + 1];
            e[k] = c * ek + s * next;
            d[k + 1] = c * next - s * ek;
            if (k + 1 < end) {
                y = e[k];
                z = s * e[k + 1];
                e[k + 1] *= c;
            }
            if (left != null) {
                left.add(k, c, s);
            }
        }
    }
}
