package org.netcompare.analysis.similarity;

import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Svd;

/**
 * Canonical correlation analysis of two {@code [samples, features]} activation matrices holding
 * the same samples (METHODS.md section 5), by the QR route of Bjorck and Golub (1973): with
 * orthonormal bases {@code Q_x}, {@code Q_y} of the centred column spaces ({@link Subspace}),
 * the canonical correlations are the singular values of {@code Q_x^T Q_y = U diag(rho) V^T},
 * and the canonical variates of X are the columns of {@code Q_x U}. No covariance matrix is
 * formed or inverted, so nothing is squared or regularised. The correlations depend only on the
 * two column spaces, hence are invariant to invertible linear maps and shifts of either side.
 *
 * <p>When the two spaces together exceed the {@code n - 1} dimensions of centred samples (more
 * features than samples, in particular) some correlations are 1 whatever the data; that case
 * throws {@link DegenerateCcaException} instead of reporting a meaningless number.
 */
public final class Cca {

    private final double[] correlations;
    private final double pwcca;

    private Cca(double[] correlations, double pwcca) {
        this.correlations = correlations;
        this.pwcca = pwcca;
    }

    /**
     * @param x {@code [n, dx]}, finite
     * @param y {@code [n, dy]}, finite, the same n samples
     * @throws DegenerateCcaException   when {@code rank(X_c) + rank(Y_c) > n - 1}
     * @throws IllegalArgumentException for different sample counts, fewer than 2 samples,
     *                                  values that are not finite, or a side without variance
     */
    public static Cca of(Matrix x, Matrix y) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("X has " + x.rows() + " samples but Y has "
                    + y.rows() + "; CCA compares representations of the same samples");
        }
        Subspace a = Subspace.of(x, "X");
        Subspace b = Subspace.of(y, "Y");
        int n = a.samples();
        if (a.rank() + b.rank() > n - 1) {
            throw new DegenerateCcaException(a.rank(), b.rank(), n);
        }
        Matrix overlap = a.basis().transposeTimes(b.basis());
        Svd svd = new Svd(true, true, false);
        svd.decompose(overlap);
        double[] rho = svd.singularValues();
        for (int i = 0; i < rho.length; i++) {
            // Cosines of principal angles; rounding may lift them a hair above 1.
            rho[i] = Math.min(1, rho[i]);
        }
        boolean weighX = a.neurons() <= b.neurons();
        Matrix directions = weighX ? svd.getU() : svd.getV();
        Subspace weighed = weighX ? a : b;
        return new Cca(rho, projectionWeighted(rho, directions, weighed));
    }

    /**
     * PWCCA (Morcos, Raghu and Bengio, "Insights on representational similarity in neural
     * networks with canonical correlation", NeurIPS 2018, section 2.3): each correlation
     * weighted by {@code alpha_i = sum_j |<h_i, z_j>|}, h_i the i-th unit canonical variate and
     * z_j the j-th centred neuron, weights normalised to sum 1. As in the authors' code, the
     * side with fewer neurons is weighed. That code projects onto the uncentred activations;
     * here the neurons are centred like the variates, so a neuron's mean, which no correlation
     * sees, does not weigh in. {@code <h_i, z_j>} is entry (i, j) of
     * {@code directions^T (Q^T Z_c)}, since {@code h_i = Q u_i}.
     */
    private static double projectionWeighted(double[] rho, Matrix directions, Subspace side) {
        Matrix projections = directions.transposeTimes(side.neuronCoordinates());
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < rho.length; i++) {
            double alpha = 0;
            for (int j = 0; j < projections.cols(); j++) {
                alpha += Math.abs(projections.get(i, j));
            }
            weighted += alpha * rho[i];
            total += alpha;
        }
        return weighted / total;
    }

    /** The min(rank X, rank Y) canonical correlations, largest first, in [0, 1]. */
    public double[] correlations() {
        return correlations.clone();
    }

    /** Mean canonical correlation (the index of Raghu et al. 2017 on the given directions). */
    public double mean() {
        double sum = 0;
        for (double rho : correlations) {
            sum += rho;
        }
        return sum / correlations.length;
    }

    /** Projection-weighted CCA, see {@link #projectionWeighted}. */
    public double pwcca() {
        return pwcca;
    }
}
