package org.netcompare.nets.gradnet;

import java.util.Arrays;
import java.util.List;

/**
 * Per-coordinate mean, population standard deviation (ddof = 0), minimum and maximum of
 * training features, accumulated in double.
 */
final class CoordinateStatistics {

    final int[] blockSizes;
    final double[][] mean;
    final double[][] std;
    final double[][] min;
    final double[][] max;

    /** @throws IllegalArgumentException for no features or features of differing block sizes */
    CoordinateStatistics(List<float[][]> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a normalisation on no features");
        }
        float[][] first = training.get(0);
        blockSizes = new int[first.length];
        for (int b = 0; b < first.length; b++) {
            blockSizes[b] = first[b].length;
        }
        int blocks = blockSizes.length;
        mean = new double[blocks][];
        std = new double[blocks][];
        min = new double[blocks][];
        max = new double[blocks][];
        for (int b = 0; b < blocks; b++) {
            mean[b] = new double[blockSizes[b]];
            std[b] = new double[blockSizes[b]];
            min[b] = new double[blockSizes[b]];
            max[b] = new double[blockSizes[b]];
            Arrays.fill(min[b], Double.POSITIVE_INFINITY);
            Arrays.fill(max[b], Double.NEGATIVE_INFINITY);
        }
        for (float[][] feature : training) {
            requireShape(feature);
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < blockSizes[b]; i++) {
                    double g = feature[b][i];
                    mean[b][i] += g;
                    min[b][i] = Math.min(min[b][i], g);
                    max[b][i] = Math.max(max[b][i], g);
                }
            }
        }
        int n = training.size();
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < blockSizes[b]; i++) {
                mean[b][i] /= n;
            }
        }
        // Two passes (mean, then squared deviations) avoid the cancellation of E[g^2] - E[g]^2.
        for (float[][] feature : training) {
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < blockSizes[b]; i++) {
                    double d = feature[b][i] - mean[b][i];
                    std[b][i] += d * d;
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < blockSizes[b]; i++) {
                std[b][i] = Math.sqrt(std[b][i] / n);
            }
        }
    }

    /** @throws IllegalArgumentException if the feature's block sizes are not the fitted ones */
    void requireShape(float[][] feature) {
        boolean same = feature.length == blockSizes.length;
        for (int b = 0; same && b < blockSizes.length; b++) {
            same = feature[b].length == blockSizes[b];
        }
        if (!same) {
            throw new IllegalArgumentException("feature blocks differ from the fitted block sizes "
                    + Arrays.toString(blockSizes));
        }
    }
}
