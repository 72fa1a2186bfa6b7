package org.netcompare.engine.linalg;

/**
 * The Moore-Penrose pseudo-inverse {@code A^+ = V diag(1 / s_i) U^T} over the singular values
 * above a cutoff (Golub and Van Loan, 4th ed., section 5.5.2), as {@code numpy.linalg.pinv}.
 */
public final class PseudoInverse {

    private static final double EPS = Math.ulp(1.0);

    private PseudoInverse() {
    }

    /** n x m pseudo-inverse of an m x n matrix, cutting singular values at max(m, n) eps s_max. */
    public static Matrix of(Matrix a) {
        return of(a, Math.max(a.rows(), a.cols()) * EPS);
    }

    /**
     * n x m pseudo-inverse of an m x n matrix; singular values at or below
     * {@code relativeTolerance * s_max} count as zero.
     */
    public static Matrix of(Matrix a, double relativeTolerance) {
        if (!(relativeTolerance >= 0) || Double.isInfinite(relativeTolerance)) {
            throw new IllegalArgumentException("relative tolerance must be finite and >= 0, got "
                    + relativeTolerance);
        }
        int m = a.rows();
        int n = a.cols();
        Svd svd = new Svd(true, true, false);
        svd.decompose(a);
        double[] s = svd.singularValues();
        int rank = svd.rank(s.length == 0 ? 0 : relativeTolerance * s[0]);
        int k = s.length;
        double[] ut = svd.getU().transpose().data();
        double[] v = svd.getV().data();
        Matrix out = Matrix.zeros(n, m);
        double[] o = out.data();
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < rank; i++) {
                double f = v[p * k + i] / s[i];
                for (int q = 0; q < m; q++) {
                    o[p * m + q] += f * ut[i * m + q];
                }
            }
        }
        return out;
    }
}
