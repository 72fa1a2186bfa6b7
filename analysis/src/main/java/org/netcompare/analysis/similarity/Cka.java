package org.netcompare.analysis.similarity;

import org.netcompare.engine.tensor.Tensor;

/**
 * Centred kernel alignment (Kornblith, Norouzi, Lee and Hinton, "Similarity of Neural Network
 * Representations Revisited", ICML 2019; METHODS.md section 5) of two {@code [samples,
 * features]} activation matrices that hold the same samples in the same order:
 * {@code CKA = HSIC(K, L) / sqrt(HSIC(K, K) HSIC(L, L))}.
 *
 * <p>Inputs are float32; every statistic is accumulated in float64 (see
 * {@link FeatureProducts}, {@link SampleProducts} and {@link RbfKernel}).
 */
public final class Cka {

    private Cka() {
    }

    /**
     * Linear CKA, biased and debiased, from one set of products.
     *
     * @param biased   {@code ||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F)} of the centred data
     *                 (section 3 of the paper): 1 for X against X, invariant to orthogonal maps
     *                 and isotropic scaling of either side, not to general linear maps
     * @param debiased the same ratio with the unbiased HSIC estimator (Song et al. 2012) in its
     *                 feature-space form (Kornblith et al.'s {@code feature_space_linear_cka}):
     *                 near 0 for independent data where the biased index is not; NaN when a
     *                 self-similarity estimate is not positive (too few samples)
     */
    public record Linear(double biased, double debiased) {
    }

    /**
     * Linear CKA of X {@code [n, dx]} and Y {@code [n, dy]}, from the feature-space products
     * ({@code dx x dy}, {@code dx x dx}, {@code dy x dy}) or the {@code n x n} Gram matrices,
     * whichever is cheaper ({@link LinearProducts}), a tile at a time: neither is ever held
     * whole. The debiased value needs n of at least 4; with fewer samples it is NaN.
     *
     * @throws IllegalArgumentException for fewer than 2 samples, different sample counts, values
     *                                  that are not finite, or a side without variance
     */
    public static Linear linear(Tensor x, Tensor y) {
        CentredSamples a = CentredSamples.of(x, 2, "X");
        CentredSamples b = CentredSamples.of(y, 2, "Y");
        checkSameSamples(a, b);
        LinearProducts products = LinearProducts.of(a, b);
        double cross = products.cross();
        double selfX = products.selfX();
        double selfY = products.selfY();
        requireVariance(selfX, "X");
        requireVariance(selfY, "Y");
        double biased = cross / Math.sqrt(selfX * selfY);

        int n = a.samples();
        double debiased = Double.NaN;
        if (n >= 4) {
            double[] rowsX = a.rowSquaredNorms();
            double[] rowsY = b.rowSquaredNorms();
            double hsicXY = unbiasedHsic(cross, rowsX, rowsY, n);
            double hsicXX = unbiasedHsic(selfX, rowsX, rowsX, n);
            double hsicYY = unbiasedHsic(selfY, rowsY, rowsY, n);
            if (hsicXX > 0 && hsicYY > 0) {
                debiased = hsicXY / Math.sqrt(hsicXX * hsicYY);
            }
        }
        return new Linear(biased, debiased);
    }

    /**
     * Unbiased HSIC (Song et al. 2012, equation 5) of the linear kernels of centred data, up to
     * the factor {@code 1 / (n (n - 3))} that cancels in CKA: with K = X X^T, centring makes
     * {@code 1^T K 1 = 0}, so the estimator reduces to
     * {@code ||Y^T X||^2 - n/(n-2) <diag K, diag L> + tr K tr L / ((n-1)(n-2))}.
     */
    private static double unbiasedHsic(double crossSquaredNorm, double[] diagonalK,
            double[] diagonalL, int n) {
        double traceK = 0;
        double traceL = 0;
        double diagonals = 0;
        for (int i = 0; i < n; i++) {
            traceK += diagonalK[i];
            traceL += diagonalL[i];
            diagonals += diagonalK[i] * diagonalL[i];
        }
        return crossSquaredNorm - (double) n / (n - 2) * diagonals
                + traceK * traceL / ((n - 1.0) * (n - 2.0));
    }

    /**
     * CKA with Gaussian kernels {@code K_ij = exp(-|x_i - x_j|^2 / (2 f^2 m))}, m the median
     * squared distance between distinct samples, f the bandwidth fraction (Kornblith et al. use
     * 0.5 and call it the threshold). Needs the two {@code n x n} kernels in memory:
     * {@link RbfKernel#bytesNeeded(int)}.
     *
     * @param bandwidthFraction f, positive
     * @throws IllegalArgumentException for bad inputs as {@link #linear}, all samples of a side
     *                                  coinciding, or kernels that would not fit the heap
     */
    public static double rbf(Tensor x, Tensor y, double bandwidthFraction) {
        if (!(bandwidthFraction > 0 && Double.isFinite(bandwidthFraction))) {
            throw new IllegalArgumentException("the RBF bandwidth fraction must be positive, got "
                    + bandwidthFraction);
        }
        CentredSamples a = CentredSamples.of(x, 2, "X");
        CentredSamples b = CentredSamples.of(y, 2, "Y");
        checkSameSamples(a, b);
        RbfKernel.checkFits(a.samples());
        RbfKernel k = RbfKernel.of(a, bandwidthFraction, "X");
        RbfKernel l = RbfKernel.of(b, bandwidthFraction, "Y");
        return k.centredInner(l) / Math.sqrt(k.centredInner(k) * l.centredInner(l));
    }

    private static void checkSameSamples(CentredSamples a, CentredSamples b) {
        if (a.samples() != b.samples()) {
            throw new IllegalArgumentException("X has " + a.samples() + " samples but Y has "
                    + b.samples() + "; CKA compares representations of the same samples");
        }
    }

    private static void requireVariance(double gramSquaredNorm, String name) {
        if (!(gramSquaredNorm > 0)) {
            throw new IllegalArgumentException(name + " has no variance: every sample is the same");
        }
    }
}
