package org.netcompare.engine.linalg;

/**
 * Minimum-norm least squares {@code min ||A X - B||_F}, then {@code min ||X||_F}, for an m x n A
 * of any shape and rank, and many right-hand sides at once: LAPACK's {@code dgelsy} (Golub and
 * Van Loan, 4th ed., sections 5.4 and 5.5: column pivoting, complete orthogonal decomposition,
 * rank-deficient least squares).
 *
 * <p>Pipeline: QR with column pivoting {@code A P = Q R}; the numerical rank r keeps the leading
 * {@code |r_ii| > relTol * |r_11|}; the trapezoid {@code [R11 R12]} (r x n) is reduced to
 * {@code [T 0] Z} by reflectors from the right ({@link TrapezoidReduction}, the complete
 * orthogonal decomposition); then {@code X = P Z^T [T^-1 (Q^T B)_(1:r); 0]}. Because Z is
 * orthogonal and the free part is set to zero, X has no component in the null space.
 * (For tall A, {@link Qr} reduces A by an unpivoted QR before pivoting.)
 *
 * <p>An instance keeps its factorisation's workspaces: one thread at a time.
 */
public final class LeastSquares {

    private static final double EPS = Math.ulp(1.0);

    /** Relative rank tolerance, or -1 for {@code max(m, n) * eps}. */
    private final double relativeTolerance;
    private final Qr pivoted = new Qr(true);
    private int rank = -1;
    private double[] residualNorms;

    /**
     * Rank tolerance {@code max(m, n) * eps * |r_11|}: the relative level NumPy's {@code lstsq}
     * applies to singular values, here to the diagonal of the pivoted R.
     */
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
        pivoted.decompose(a);
        Matrix rotated = b.copy();
        pivoted.applyQTranspose(rotated);
        Matrix triangle = pivoted.getR();
        double largest = triangle.rows() == 0 ? 0 : Math.abs(triangle.get(0, 0));
        double relative = relativeTolerance < 0 ? Math.max(m, n) * EPS : relativeTolerance;
        int r = pivoted.rank(relative * largest);

        TrapezoidReduction trapezoid = new TrapezoidReduction(triangle, r);
        Matrix z = Matrix.zeros(n, p);
        trapezoid.solveTriangular(rotated, z);
        trapezoid.applyZTranspose(z);
        residualNorms = residualNorms(rotated, triangle, z, r);
        Matrix x = Matrix.zeros(n, p);
        int[] pivots = pivoted.getPivots();
        for (int j = 0; j < n; j++) {
            System.arraycopy(z.data(), j * p, x.data(), pivots[j] * p, p);
        }
        rank = r;
        return x;
    }

    /** Numerical rank of the last A solved for. */
    public int rank() {
        requireSolved();
        return rank;
    }

    /** {@code ||A x_j - b_j||_2} for each right-hand side j of the last solve. */
    public double[] residualNorms() {
        requireSolved();
        return residualNorms.clone();
    }

    /**
     * {@code ||b_j - A x_j||} from the factors: with {@code c = Q^T b} and {@code z = P^T x},
     * {@code Q^T (b - A x) = c - R z}, whose first r rows vanish by construction ({@code
     * [R11 R12] z = c_(1:r)}); what is left is {@code c_(r:) - R22 z_(r:)}, R22 having rows
     * r .. min(m, n) - 1.
     */
    private static double[] residualNorms(Matrix c, Matrix triangle, Matrix z, int r) {
        int p = c.cols();
        int rows = c.rows() - r;
        int n = triangle.cols();
        double[] rest = new double[rows * p];
        System.arraycopy(c.data(), r * p, rest, 0, rows * p);
        double[] zd = z.data();
        for (int i = r; i < triangle.rows(); i++) {
            int out = (i - r) * p;
            for (int l = r; l < n; l++) {
                double ril = triangle.get(i, l);
                for (int j = 0; j < p; j++) {
                    rest[out + j] -= ril * zd[l * p + j];
                }
            }
        }
        double[] norms = new double[p];
        for (int j = 0; j < p; j++) {
            norms[j] = Householder.norm(rest, j, rows, p);
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
