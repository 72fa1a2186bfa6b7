package org.netcompare.engine.linalg;

/**
 * Principal component analysis of samples in rows: the eigen-decomposition of the sample
 * covariance {@code C = X_c^T X_c / (n - 1)} of the column-centred n x f data {@code X_c}
 * (Jolliffe, Principal Component Analysis, 2nd ed., section 3.1; Golub and Van Loan, 4th ed.,
 * section 8.6.1 for the link to the singular values of {@code X_c}). Eigenvalues are variances
 * with the n - 1 denominator, as {@code numpy.cov} and scikit-learn's
 * {@code explained_variance_}.
 *
 * <p>Eigenvalues below {@code max(n, f) eps lambda_max} are rounding noise around an exact zero
 * (the data have lower rank than their shape) and are reported as 0.
 */
public final class Pca {

    /** How the variances are computed. */
    public enum Route {
        /** {@link #COVARIANCE} when features do not outnumber samples, else {@link #SVD}. */
        AUTOMATIC,
        /** Eigen-decomposition of the f x f covariance. */
        COVARIANCE,
        /**
         * Squared singular values of the centred data, from the eigen-decomposition of the n x n
         * Gram matrix {@code X_c X_c^T / (n - 1)}, whose non-zero eigenvalues are those of C.
         */
        SVD
    }

    private static final double EPS = Math.ulp(1.0);

    private final Route requested;
    private final boolean wantComponents;
    private final SymmetricEigen eigen;

    private Route route;
    private double[] mean;
    private double[] eigenvalues;
    private int rank;
    private Matrix components;

    /** Automatic route, variances only. */
    public Pca() {
        this(Route.AUTOMATIC, false);
    }

    /** @param wantComponents whether {@link #components()} and {@link #transform} will be used */
    public Pca(Route route, boolean wantComponents) {
        if (route == null) {
            throw new IllegalArgumentException("route must not be null");
        }
        this.requested = route;
        this.wantComponents = wantComponents;
        this.eigen = new SymmetricEigen(wantComponents);
    }

    /**
     * Fits the n x f {@code samples} (one sample per row, n >= 2, finite), which are left
     * unchanged.
     */
    public void fit(Matrix samples) {
        int n = samples.rows();
        int f = samples.cols();
        if (n < 2 || f < 1) {
            throw new IllegalArgumentException("pca needs at least 2 samples and 1 feature, got "
                    + n + " x " + f);
        }
        Matrix centred = centre(samples);
        // Both products hold the same non-zero spectrum and the same rounding (each squares the
        // data once), so the route is chosen by size alone: the smaller of f x f and n x n.
        route = requested != Route.AUTOMATIC ? requested
                : f <= n ? Route.COVARIANCE : Route.SVD;
        int kept = Math.min(n, f);
        if (route == Route.COVARIANCE) {
            eigen.decompose(Gram.ofColumns(centred, 1.0 / (n - 1)));
        } else {
            eigen.decompose(Gram.ofRows(centred, 1.0 / (n - 1)));
        }
        double[] all = eigen.eigenvalues();
        double tolerance = Math.max(n, f) * EPS * Math.max(all[0], 0);
        eigenvalues = new double[kept];
        rank = 0;
        for (int i = 0; i < kept; i++) {
            if (all[i] > tolerance) {
                eigenvalues[i] = all[i];
                rank++;
            }
        }
        components = wantComponents ? buildComponents(centred, n, f) : null;
    }

    /** The route {@link #fit} took: {@link Route#COVARIANCE} or {@link Route#SVD}. */
    public Route route() {
        checkFitted();
        return route;
    }

    /**
     * The min(n, f) largest covariance eigenvalues (variances), descending; numerically zero
     * ones as 0.
     */
    public double[] eigenvalues() {
        checkFitted();
        return eigenvalues.clone();
    }

    /** Each eigenvalue divided by their sum (all 0 when the data have no variance). */
    public double[] explainedVarianceRatio() {
        checkFitted();
        double total = total();
        double[] ratio = new double[eigenvalues.length];
        for (int i = 0; i < ratio.length && total > 0; i++) {
            ratio[i] = eigenvalues[i] / total;
        }
        return ratio;
    }

    /**
     * The smallest d whose leading d eigenvalues hold at least {@code fraction} of the total
     * variance; fraction 1 gives the numerical rank, and data without variance give 0.
     *
     * @param fraction in (0, 1]
     */
    public int dimensionForVariance(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("variance fraction must lie in (0, 1], got "
                    + fraction);
        }
        checkFitted();
        if (fraction == 1) {
            return rank;
        }
        double total = total();
        double cumulative = 0;
        for (int d = 0; d < rank; d++) {
            cumulative += eigenvalues[d];
            if (cumulative / total >= fraction) {
                return d + 1;
            }
        }
        return rank;
    }

    /**
     * f x r matrix of unit principal directions, one column per non-zero eigenvalue (r the
     * numerical rank), in eigenvalue order; each column's largest-magnitude entry is positive.
     */
    public Matrix components() {
        checkComponents();
        return components.copy();
    }

    /** The column means (length f) that were subtracted. */
    public double[] mean() {
        checkFitted();
        return mean.clone();
    }

    /** Coordinates of m x f samples along the components: {@code (X - mean) components}, m x r. */
    public Matrix transform(Matrix samples) {
        checkComponents();
        int f = mean.length;
        if (samples.cols() != f) {
            throw new IllegalArgumentException("pca was fitted on " + f + " features, got "
                    + samples.cols());
        }
        int r = components.cols();
        Matrix out = Matrix.zeros(samples.rows(), r);
        double[] x = samples.data();
        double[] c = components.data();
        double[] o = out.data();
        for (int s = 0; s < samples.rows(); s++) {
            for (int j = 0; j < f; j++) {
                double centred = x[s * f + j] - mean[j];
                for (int p = 0; p < r; p++) {
                    o[s * r + p] += centred * c[j * r + p];
                }
            }
        }
        return out;
    }

    private Matrix centre(Matrix samples) {
        int n = samples.rows();
        int f = samples.cols();
        double[] x = samples.data();
        mean = new double[f];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < f; j++) {
                double v = x[s * f + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("sample " + s + " feature " + j + " is "
                            + v);
                }
                mean[j] += v;
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
        }
        Matrix centred = Matrix.zeros(n, f);
        double[] c = centred.data();
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < f; j++) {
                c[s * f + j] = x[s * f + j] - mean[j];
            }
        }
        return centred;
    }

    /**
     * Covariance route: the leading eigenvectors. Gram route: {@code X_c^T u_i / sqrt((n-1)
     * lambda_i)}, the right singular vectors of X_c recovered from the left ones.
     */
    private Matrix buildComponents(Matrix centred, int n, int f) {
        Matrix vectors = eigen.eigenvectors();
        Matrix out = Matrix.zeros(f, rank);
        double[] o = out.data();
        double[] v = vectors.data();
        if (route == Route.COVARIANCE) {
            for (int j = 0; j < f; j++) {
                System.arraycopy(v, j * f, o, j * rank, rank);
            }
        } else {
            double[] x = centred.data();
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < f; j++) {
                    double xsj = x[s * f + j];
                    for (int p = 0; p < rank; p++) {
                        o[j * rank + p] += xsj * v[s * n + p];
                    }
                }
            }
            for (int p = 0; p < rank; p++) {
                double norm = Math.sqrt((n - 1) * eigenvalues[p]);
                for (int j = 0; j < f; j++) {
                    o[j * rank + p] /= norm;
                }
            }
        }
        fixSigns(o, f);
        return out;
    }

    /** Eigenvectors are defined up to sign; this makes results reproducible across routes. */
    private void fixSigns(double[] o, int f) {
        for (int p = 0; p < rank; p++) {
            double largest = 0;
            for (int j = 0; j < f; j++) {
                if (Math.abs(o[j * rank + p]) > Math.abs(largest)) {
                    largest = o[j * rank + p];
                }
            }
            if (largest < 0) {
                for (int j = 0; j < f; j++) {
                    o[j * rank + p] = -o[j * rank + p];
                }
            }
        }
    }

    private double total() {
        double total = 0;
        for (double v : eigenvalues) {
            total += v;
        }
        return total;
    }

    private void checkFitted() {
        if (eigenvalues == null) {
            throw new IllegalStateException("fit has not been called");
        }
    }

    private void checkComponents() {
        checkFitted();
        if (!wantComponents) {
            throw new IllegalStateException("constructed with wantComponents = false");
        }
    }
}
