package org.netcompare.analysis.similarity;

/**
 * The three sums of squares linear CKA is made of, for centred X {@code [n, dx]} and Y
 * {@code [n, dy]}: {@code ||Y^T X||_F^2}, {@code ||X^T X||_F^2}, {@code ||Y^T Y||_F^2}. They
 * equal {@code <K, L>_F}, {@code ||K||_F^2}, {@code ||L||_F^2} for the Gram matrices
 * {@code K = X X^T}, {@code L = Y Y^T}, so they can be formed in feature space
 * ({@link FeatureProducts}, about {@code n (dx + dy)^2 / 2} multiply-adds) or in sample space
 * ({@link SampleProducts}, about {@code n^2 (dx + dy) / 2}); {@link #of} takes the cheaper,
 * which is the sample space exactly when {@code n < dx + dy}.
 */
record LinearProducts(double cross, double selfX, double selfY) {

    static LinearProducts of(CentredSamples x, CentredSamples y) {
        if (x.samples() != y.samples()) {
            throw new IllegalArgumentException("X has " + x.samples() + " samples but Y has "
                    + y.samples());
        }
        return (long) x.samples() < (long) x.features() + y.features()
                ? SampleProducts.DEFAULT.of(x, y)
                : FeatureProducts.DEFAULT.of(x, y);
    }
}
