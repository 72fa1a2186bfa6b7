package org.netcompare.nets.gradnet;

import java.util.Arrays;

/**
 * Per-layer, per-sample sparsification of a gradient block (METHODS.md section 2): keep the
 * entries whose magnitude lies above the q-th percentile of the block's magnitudes, zero the
 * rest.
 *
 * <p>Percentile: NumPy's {@code numpy.percentile(|g|, q)} with the default 'linear' method: with
 * the n magnitudes sorted ascending as a[0..n-1] and h = (n - 1) q / 100, the threshold is
 * a[floor h] + (h - floor h) (a[floor h + 1] - a[floor h]). Tie rule: an entry is kept when
 * |g| &gt; threshold strictly, so entries equal to the threshold are zeroed. Hence q = 0 drops
 * the entries of smallest magnitude (all of a constant block), and q = 100 drops every entry.
 */
public final class Sparsification {

    /** The best q of the paper. */
    public static final double DEFAULT_PERCENTILE = 85;

    private Sparsification() {
    }

    /** {@link #percentile(float[], double)} with q = {@value #DEFAULT_PERCENTILE}. */
    public static float[] percentile(float[] block) {
        return percentile(block, DEFAULT_PERCENTILE);
    }

    /**
     * A sparsified copy of the block.
     *
     * @param q percentile in [0, 100]
     * @throws IllegalArgumentException for q outside [0, 100] or NaN, or an empty block
     */
    public static float[] percentile(float[] block, double q) {
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must lie in [0, 100], got " + q);
        }
        if (block.length == 0) {
            throw new IllegalArgumentException("cannot sparsify an empty block");
        }
        double threshold = magnitudePercentile(block, q);
        float[] kept = new float[block.length];
        for (int i = 0; i < block.length; i++) {
            if (Math.abs(block[i]) > threshold) {
                kept[i] = block[i];
            }
        }
        return kept;
    }

    /** numpy.percentile(|block|, q), method 'linear', computed in double. */
    static double magnitudePercentile(float[] block, double q) {
        double[] sorted = new double[block.length];
        for (int i = 0; i < block.length; i++) {
            sorted[i] = Math.abs(block[i]);
        }
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q / 100;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
