package org.netcompare.nets.gradnet;

import java.util.List;

/**
 * The normalisations of GradNet features tried in the paper (METHODS.md section 2), each fitted
 * on the training features and then applied to any feature; statistics per coordinate (one
 * entry of one block), computed in double, results rounded to float32.
 *
 * <ul>
 *   <li>{@link #STANDARD}: (g - mean) / std, population std (ddof = 0, as scikit-learn's
 *       StandardScaler); a coordinate with std 0 is only centred (std taken as 1, as
 *       StandardScaler does).</li>
 *   <li>{@link #STANDARD_L2}: STANDARD, then each block divided by its Euclidean norm (an
 *       all-zero block stays zero).</li>
 *   <li>{@link #SCALE}: (g - min) / (max - min) with min and max over the training features
 *       (zeros included), so training values land in [0, 1] and other samples may fall outside;
 *       an entry equal to 0 (zeroed by {@link Sparsification}) stays 0, and a constant coordinate
 *       (max = min) maps to 0.</li>
 *   <li>{@link #POWER}: sign(g) |g|^p, nothing fitted.</li>
 *   <li>{@link #SCALE_POWER}: SCALE, then POWER (the paper's best, with p = 1/2).</li>
 * </ul>
 */
public enum Normalization {
    STANDARD,
    STANDARD_L2,
    SCALE,
    POWER,
    SCALE_POWER;

    /** The power of the paper's best normalisation, {@link #SCALE_POWER}. */
    public static final double DEFAULT_POWER = 0.5;

    /**
     * Fits this normalisation on the training features.
     *
     * @param training features blocks[b][entry] of the training samples, all of equal block sizes
     * @param power    p of POWER and SCALE_POWER (ignored by the others), positive
     * @throws IllegalArgumentException for no training features, differing block sizes, or a
     *                                  power not positive and finite
     */
    public FeatureTransform fit(List<float[][]> training, double power) {
        if (!(power > 0 && power < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the power must be positive and finite, got "
                    + power);
        }
        CoordinateStatistics stats = new CoordinateStatistics(training);
        return switch (this) {
            case STANDARD -> standard(stats);
            case STANDARD_L2 -> standard(stats).andThen(Normalization::unitBlocks);
            case SCALE -> scale(stats);
            case POWER -> checked(stats, feature -> power(feature, power));
            case SCALE_POWER -> scale(stats).andThen(feature -> power(feature, power));
        };
    }

    private static FeatureTransform checked(CoordinateStatistics stats, FeatureTransform t) {
        return feature -> {
            stats.requireShape(feature);
            return t.apply(feature);
        };
    }

    private static FeatureTransform standard(CoordinateStatistics stats) {
        return checked(stats, feature -> map(feature, (b, i, g) -> {
            double std = stats.std[b][i];
            return (g - stats.mean[b][i]) / (std == 0 ? 1 : std);
        }));
    }

    private static FeatureTransform scale(CoordinateStatistics stats) {
        return checked(stats, feature -> map(feature, (b, i, g) -> {
            double range = stats.max[b][i] - stats.min[b][i];
            return g == 0 || range == 0 ? 0 : (g - stats.min[b][i]) / range;
        }));
    }

    private static float[][] power(float[][] feature, double p) {
        return map(feature, (b, i, g) -> Math.signum(g) * Math.pow(Math.abs(g), p));
    }

    private static float[][] unitBlocks(float[][] feature) {
        float[][] out = new float[feature.length][];
        for (int b = 0; b < feature.length; b++) {
            double sum = 0;
            for (float g : feature[b]) {
                sum += (double) g * g;
            }
            double norm = Math.sqrt(sum);
            out[b] = new float[feature[b].length];
            for (int i = 0; i < out[b].length; i++) {
                out[b][i] = norm == 0 ? 0 : (float) (feature[b][i] / norm);
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface EntryMap {
        double apply(int block, int index, double g);
    }

    private static float[][] map(float[][] feature, EntryMap f) {
        float[][] out = new float[feature.length][];
        for (int b = 0; b < feature.length; b++) {
            out[b] = new float[feature[b].length];
            for (int i = 0; i < out[b].length; i++) {
                out[b][i] = (float) f.apply(b, i, feature[b][i]);
            }
        }
        return out;
    }
}
