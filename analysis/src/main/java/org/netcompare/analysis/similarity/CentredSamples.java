package org.netcompare.analysis.similarity;

import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

/**
 * A {@code [samples, features]} float32 matrix with its column means removed. The means are
 * accumulated in float64 and subtracted before rounding back to float32, so centring loses
 * nothing beyond one rounding of each centred value, even for activations far from the origin.
 */
final class CentredSamples {

    private static final int COLUMN_BLOCK = 256;

    private final int samples;
    private final int features;
    private final float[] values;

    private CentredSamples(int samples, int features, float[] values) {
        this.samples = samples;
        this.features = features;
        this.values = values;
    }

    /**
     * @param points {@code [n, d]}, finite, n at least {@code minSamples}
     * @param name   how messages call the matrix ("X", "Y")
     */
    static CentredSamples of(Tensor points, int minSamples, String name) {
        if (points.rank() != 2) {
            throw new IllegalArgumentException(name + " must be [samples, features], got rank "
                    + points.rank());
        }
        int n = points.dim(0);
        int d = points.dim(1);
        if (n < minSamples) {
            throw new IllegalArgumentException(name + " has " + n + " samples, at least "
                    + minSamples + " needed");
        }
        if (d == 0) {
            throw new IllegalArgumentException(name + " has no features");
        }
        Tensor dense = points.contiguous();
        float[] source = dense.data();
        int base = dense.offset();
        float[] centred = new float[n * d];
        int blocks = (d + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        Parallelism.forEach(blocks, block -> {
            int from = block * COLUMN_BLOCK;
            int to = Math.min(d, from + COLUMN_BLOCK);
            double[] mean = new double[to - from];
            for (int i = 0; i < n; i++) {
                int row = base + i * d;
                for (int j = from; j < to; j++) {
                    float v = source[row + j];
                    if (!Float.isFinite(v)) {
                        throw new IllegalArgumentException(name + ": sample " + i + ", feature "
                                + j + " is " + v);
                    }
                    mean[j - from] += v;
                }
            }
            for (int j = 0; j < mean.length; j++) {
                mean[j] /= n;
            }
            for (int i = 0; i < n; i++) {
                int row = i * d;
                for (int j = from; j < to; j++) {
                    centred[row + j] = (float) (source[base + row + j] - mean[j - from]);
                }
            }
        });
        return new CentredSamples(n, d, centred);
    }

    int samples() {
        return samples;
    }

    int features() {
        return features;
    }

    /** Row-major {@code [samples, features]}, shared, not copied. */
    float[] values() {
        return values;
    }

    /** Squared Euclidean length of each centred sample, in float64. */
    double[] rowSquaredNorms() {
        double[] norms = new double[samples];
        Parallelism.forEach(samples, i -> {
            int row = i * features;
            double sum = 0;
            for (int j = 0; j < features; j++) {
                double v = values[row + j];
                sum += v * v;
            }
            norms[i] = sum;
        });
        return norms;
    }
}
