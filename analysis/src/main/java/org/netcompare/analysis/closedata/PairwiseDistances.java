package org.netcompare.analysis.closedata;

import java.util.Arrays;
import org.netcompare.engine.linalg.Matrix;

/**
 * Largest and mean Euclidean distance over all pairs of rows of a point set [n, D]: a local
 * patch's diameter, or the mean distance between original images. Squared distances come from
 * the Gram matrix, {@code |a - b|^2 = |a|^2 + |b|^2 - 2 a.b}, in blocks of rows through the
 * blocked float64 product; the rows are first taken relative to row 0, so the norms are of the
 * size of the patch and the subtraction loses no digits to the points' distance from the
 * origin. Memory: one transposed copy of the points and a block of the Gram matrix.
 */
public final class PairwiseDistances {

    /** Rows per Gram block: BLOCK x n doubles at a time. */
    private static final int BLOCK = 256;

    private final double max;
    private final double mean;

    private PairwiseDistances(double max, double mean) {
        this.max = max;
        this.mean = mean;
    }

    /**
     * @param points [n, D], n at least 2
     * @throws IllegalArgumentException for fewer than two points
     */
    public static PairwiseDistances of(Matrix points) {
        int n = points.rows();
        int d = points.cols();
        if (n < 2) {
            throw new IllegalArgumentException("pairwise distances need at least 2 points, got "
                    + n);
        }
        double[] centred = points.data().clone();
        for (int i = n - 1; i >= 0; i--) {
            for (int j = 0; j < d; j++) {
                centred[i * d + j] -= centred[j];
            }
        }
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += centred[i * d + j] * centred[i * d + j];
            }
            norms[i] = sum;
        }
        Matrix transposed = Matrix.wrap(n, d, centred).transpose();
        double largest = 0;
        double total = 0;
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            Matrix gram = Matrix.wrap(to - from, d,
                    Arrays.copyOfRange(centred, from * d, to * d)).times(transposed);
            double[] g = gram.data();
            for (int i = from; i < to; i++) {
                for (int j = i + 1; j < n; j++) {
                    double squared = norms[i] + norms[j] - 2 * g[(i - from) * n + j];
                    double distance = Math.sqrt(Math.max(0, squared));
                    largest = Math.max(largest, distance);
                    total += distance;
                }
            }
        }
        return new PairwiseDistances(largest, total / ((double) n * (n - 1) / 2));
    }

    /** The largest distance between two rows: the diameter. */
    public double max() {
        return max;
    }

    /** The mean distance over the n (n - 1) / 2 pairs of distinct rows. */
    public double mean() {
        return mean;
    }
}
