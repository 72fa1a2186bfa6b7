package org.netcompare.engine.linalg;

/**
 * Minimum-norm least squares {@code min ||A X - B||_F}, then {@code min ||X||_F}, for an m x n A
 * of any shape and rank, and many right-hand sides at once: LAPACK's {@code dgelsy} (Golub and
 * Van Loan, 4th ed., sections 5.4.2 and 5.5.2).
 *
 * <p>Pipeline: QR with column pivoting {@code A P = Q R}; the numerical rank r keeps the leading
 * {@code |r_ii| > relTol * |r_11|}; the trapezoid {@code [R11 R12]} (r x n) is reduced to
 * {@code [T 0] Z} by reflectors from the right ({@link TrapezoidReduction}, the complete
 * orthogonal decomposition); then {@code X = P Z^T [T^-1 (Q^T B)_(1:r); 0]}. Because Z is
 * orthogonal and the free part is set to zero, X has no component in the null space.
 */
public final class LeastSquares {

    /** Relative rank tolerance, or -1 for {@code max(m, n) * eps}. */
    private final double relativeTolerance;
    private final Qr qr = new Qr(true);
    private int rank = -1;
    private double[] residualNorms;

    /** Rank tolerance {@code max(m, n) * eps * |r_11|}, as NumPy's {@code lstsq} default. */
    public LeastSquares() {
        relativeTolerance = -1;
    }

    /**
     * @param relTol diagonal entries of the pivoted R below {@code relTol * |r_11|} count as
     *               zero (LAPACK's {@code rcond}); in [0, 1)
     */
    public LeastSquares(double relTol) {
        if (!(relTol >= 0 && relTol < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in [0, 1), got "
                    + relTol);
        }
        relativeTolerance = relTol;
    }

    /**
     * Solves for every column of {@code b} at once.
     *
     * @param a m x n coefficients (not modified)
     * @param b m x p right-hand sides (not modified)
     * @return the n x p minimum-norm least-squares solution
     * @throws IllegalArgumentException if the row counts differ or an entry is not finite
     */
    public Matrix solve(Matrix a, Matrix b) {
        int m = a.rows();
        int n = a.cols();
        int p = b.cols();
        if (b.rows() != m) {
            throw new IllegalArgumentException("A is " + m + " x " + n + " but B is " + b.rows()
                    + " x " + p + ": they need the same number of rows");
        }
        requireFinite(b);
        rank = -1;
        qr.decompose(a);
        Matrix triangle = qr.getR();
        double largest = Math.min(m, n) == 0 ? 0 : Math.abs(triangle.get(0, 0));
        int r = qr.rank(relativeTolerance < 0 ? qr.defaultTolerance()
                : relativeTolerance * largest);

        Matrix qtb = b.copy();
        qr.applyQTranspose(qtb);
        TrapezoidReduction trapezoid = new TrapezoidReduction(triangle, r);
        Matrix permuted = Matrix.zeros(n, p);
        trapezoid.solveTriangular(qtb, permuted);
        trapezoid.applyZTranspose(permuted);
        Matrix x = Matrix.zeros(n, p);
        int[] pivots = qr.getPivots();
        for (int j = 0; j < n; j++) {
            System.arraycopy(permuted.data(), j * p, x.data(), pivots[j] * p, p);
        }
        residualNorms = residualNorms(a, x, b);
        rank = r;
        return x;
    }

    /** Numerical rank of the last A solved for. */
    public int rank() {
        requireSolved();
        return rank;
    }

    /** {@code ||A x_j - b_j||_2} for each right-hand side j of the last solve, computed from A. */
    public double[] residualNorms() {
        requireSolved();
        return residualNorms.clone();
    }

    private static double[] residualNorms(Matrix a, Matrix x, Matrix b) {
        Matrix residual = a.times(x);
        double[] d = residual.data();
        double[] bd = b.data();
        for (int i = 0; i < d.length; i++) {
            d[i] -= bd[i];
        }
        int p = b.cols();
        double[] norms = new double[p];
        for (int j = 0; j < p; j++) {
            norms[j] = Householder.norm(d, j, b.rows(), p);
        }
        return norms;
    }

    private static void requireFinite(Matrix b) {
        double[] d = b.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("right-hand side has entry " + d[i] + " at ("
                        + i / b.cols() + ", " + i % b.cols() + ")");
            }
        }
    }

    private void requireSolved() {
        if (rank < 0) {
            throw new IllegalStateException("call solve first");
        }
    }
}
