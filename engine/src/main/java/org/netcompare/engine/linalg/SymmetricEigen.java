package org.netcompare.engine.linalg;

/**
 * Eigen-decomposition {@code A = V diag(lambda) V^T} of a real symmetric matrix: Householder
 * tridiagonalisation (Golub and Van Loan, 4th ed., algorithm 8.3.1) followed by implicit
 * symmetric QR steps with the Wilkinson shift (GVL algorithms 8.3.2 and 8.3.3).
 *
 * <p>Configured once, then {@link #decompose} may be called many times; workspaces are kept
 * while the size stays the same. Only the upper triangle of the input is read, after checking
 * that the matrix is symmetric to rounding.
 */
public final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);
    /** GVL's limit on QR sweeps before giving up; LAPACK's {@code dsteqr} uses the same. */
    private static final int SWEEPS_PER_EIGENVALUE = 30;

    private final boolean wantVectors;

    private HouseholderTridiagonal tridiagonal;
    private double[] work;
    private double[] diagonal;
    private double[] offDiagonal;
    private double[] tau;
    private double[] vectorsTransposed;
    /** Rotations for the rows of {@code vectorsTransposed}; null without vectors. */
    private RotationSequence rotations;

    private double[] eigenvalues;
    private Matrix eigenvectors;

    /** @param wantVectors whether {@link #eigenvectors()} will be asked for */
    public SymmetricEigen(boolean wantVectors) {
        this.wantVectors = wantVectors;
    }

    /**
     * Decomposes a symmetric n x n matrix, which is left unchanged.
     *
     * @throws IllegalArgumentException if it is not square, has a NaN or infinite entry, or is
     *     not symmetric to within rounding
     */
    public void decompose(Matrix a) {
        double largest = checkSymmetric(a);
        int n = a.rows();
        allocate(n);
        double scale = copyScaled(a, largest);
        tridiagonal.reduce(work, diagonal, offDiagonal, tau);
        if (wantVectors) {
            tridiagonal.formQTransposed(work, tau, vectorsTransposed);
        }
        diagonalise(n, rotations);
        if (wantVectors) {
            rotations.flush();
        }
        sortDescending(n, scale);
    }

    /** The n eigenvalues, largest first. */
    public double[] eigenvalues() {
        if (eigenvalues == null) {
            throw new IllegalStateException("decompose has not been called");
        }
        return eigenvalues.clone();
    }

    /** n x n orthogonal matrix; column j is the unit eigenvector of {@code eigenvalues()[j]}. */
    public Matrix eigenvectors() {
        return eigenvectors(null);
    }

    /** {@link #eigenvectors()} written into {@code out} (n x n), or a new matrix when null. */
    public Matrix eigenvectors(Matrix out) {
        if (!wantVectors) {
            throw new IllegalStateException("constructed with wantVectors = false");
        }
        if (eigenvectors == null) {
            throw new IllegalStateException("decompose has not been called");
        }
        return Outputs.copy(eigenvectors, out, "eigenvector matrix");
    }

    /** @return the largest entry magnitude */
    private static double checkSymmetric(Matrix a) {
        int n = a.rows();
        if (a.cols() != n) {
            throw new IllegalArgumentException("eigen-decomposition needs a square matrix, got "
                    + n + " x " + a.cols());
        }
        double[] d = a.data();
        double largest = 0;
        for (double v : d) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("matrix has a non-finite entry " + v);
            }
            largest = Math.max(largest, Math.abs(v));
        }
        // Products like X^T X computed in floating point may differ from symmetric by rounding;
        // anything larger is a caller's mistake, not noise.
        double tolerance = 64 * n * EPS * largest;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(d[i * n + j] - d[j * n + i]) > tolerance) {
                    throw new IllegalArgumentException("matrix is not symmetric: entry (" + i + ", "
                            + j + ") is " + d[i * n + j] + " but (" + j + ", " + i + ") is "
                            + d[j * n + i]);
                }
            }
        }
        return largest;
    }

    private void allocate(int n) {
        if (tridiagonal == null || tridiagonal.size() != n) {
            tridiagonal = new HouseholderTridiagonal(n);
            work = new double[n * n];
            diagonal = new double[n];
            offDiagonal = new double[Math.max(0, n - 1)];
            tau = new double[Math.max(0, n - 1)];
            if (wantVectors) {
                vectorsTransposed = new double[n * n];
                // Batches of 32 n rotations keep each strip of the vectors in cache a while.
                rotations = new RotationSequence(vectorsTransposed, n, Math.max(1024, 32 * n));
            }
        }
    }

    /**
     * Copies A divided by its largest entry into the workspace, so that no intermediate
     * overflows or underflows for matrices near the ends of the double range.
     *
     * @return the factor to multiply the eigenvalues by
     */
    private double copyScaled(Matrix a, double largest) {
        double[] d = a.data();
        double scale = largest == 0 ? 1 : largest;
        for (int i = 0; i < d.length; i++) {
            work[i] = d[i] / scale;
        }
        return scale;
    }

    /**
     * Implicit symmetric QR on T = (diagonal, offDiagonal) until every off-diagonal entry is
     * negligible (GVL algorithm 8.3.3): split off converged eigenvalues from the bottom, then
     * sweep the lowest unreduced block with a Wilkinson-shifted QR step.
     */
    private void diagonalise(int n, RotationSequence rotations) {
        double[] d = diagonal;
        double[] e = offDiagonal;
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
            if (++sweeps > SWEEPS_PER_EIGENVALUE * n) {
                throw new ArithmeticException("symmetric QR did not converge in " + (sweeps - 1)
                        + " sweeps");
            }
            qrStep(d, e, start, end, rotations);
        }
    }

    /** GVL (8.3.4) with the small-entry test of section 8.3.5. */
    private boolean negligible(int k) {
        double e = Math.abs(offDiagonal[k]);
        return e <= EPS * (Math.abs(diagonal[k]) + Math.abs(diagonal[k + 1]))
                || e < Double.MIN_NORMAL;
    }

    /**
     * One implicit QR step with Wilkinson shift on rows start..end (GVL algorithm 8.3.2): the
     * first rotation is chosen from the shifted first column, the others chase the bulge down.
     * Each rotation R acts as {@code T <- R T R^T} on rows and columns k, k+1; the eigenvector
     * rows get the same R.
     */
    private static void qrStep(double[] d, double[] e, int start, int end,
            RotationSequence rotations) {
        double half = (d[end - 1] - d[end]) / 2;
        double b = e[end - 1];
        double shift = d[end] - b * (b / (half + Math.copySign(Math.hypot(half, b), half)));
        double x = d[start] - shift;
        double z = e[start];
        for (int k = start; k < end; k++) {
            double r = Math.hypot(x, z);
            double c = r == 0 ? 1 : x / r;
            double s = r == 0 ? 0 : z / r;
            if (k > start) {
                e[k - 1] = r;
            }
            double dk = d[k];
            double ek = e[k];
            double dNext = d[k + 1];
            double cc = c * c;
            double ss = s * s;
            double cs2 = 2 * c * s * ek;
            d[k] = cc * dk + cs2 + ss * dNext;
            d[k + 1] = ss * dk - cs2 + cc * dNext;
            e[k] = c * s * (dNext - dk) + (cc - ss) * ek;
            if (k + 1 < end) {
                z = s * e[k + 1];
                e[k + 1] *= c;
                x = e[k];
            }
            if (rotations != null) {
                rotations.add(k, c, s);
            }
        }
    }

    private void sortDescending(int n, double scale) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(diagonal[q], diagonal[p]));
        eigenvalues = new double[n];
        for (int j = 0; j < n; j++) {
            eigenvalues[j] = diagonal[order[j]] * scale;
        }
        if (!wantVectors) {
            return;
        }
        eigenvectors = Matrix.zeros(n, n);
        double[] v = eigenvectors.data();
        for (int j = 0; j < n; j++) {
            int source = order[j] * n;
            for (int i = 0; i < n; i++) {
                v[i * n + j] = vectorsTransposed[source + i];
            }
        }
    }
}
