package org.netcompare.analysis.match;

import java.util.Arrays;
import org.netcompare.engine.linalg.Matrix;

/**
 * The activation vectors of one layer's neurons (Wang et al., NeurIPS 2018, section 2): column j
 * of {@link #vectors()} is neuron j's outputs over the observations, one row per observation.
 *
 * <p>For a fully connected layer the observations are the input samples. For a convolutional
 * layer a neuron is a channel and its observations are (sample, position) pairs, so the vector
 * of a {@code [samples, C, H, W]} activation has {@code samples * H * W} entries; the paper's code
 * keeps a random subset of those columns ({@link ColumnSample}), the same subset for both layers.
 */
public final class NeuronMatrix {

    private final Matrix vectors;
    private final double[] norms;

    private NeuronMatrix(Matrix vectors) {
        this.vectors = vectors;
        this.norms = new double[vectors.cols()];
        double[] d = vectors.data();
        int n = vectors.cols();
        for (int i = 0; i < vectors.rows(); i++) {
            for (int j = 0; j < n; j++) {
                norms[j] += d[i * n + j] * d[i * n + j];
            }
        }
        for (int j = 0; j < n; j++) {
            norms[j] = Math.sqrt(norms[j]);
        }
    }

    /**
     * A fully connected layer.
     *
     * @param samplesByNeurons [samples, neurons], shared (not copied)
     */
    public static NeuronMatrix dense(Matrix samplesByNeurons) {
        return new NeuronMatrix(samplesByNeurons);
    }

    /**
     * A convolutional layer given as {@code [samples, channels * positions]} (the channels-first
     * array {@code [samples, C, H, W]} with its trailing axes flattened): neuron c's vector holds
     * the activations of channel c at the chosen observations.
     *
     * @param observations indices {@code sample * positions + position} to keep, each in
     *     {@code [0, samples * positions)}
     */
    public static NeuronMatrix channels(Matrix flat, int channels, int positions,
            int[] observations) {
        if (channels < 1 || positions < 1 || (long) channels * positions != flat.cols()) {
            throw new IllegalArgumentException(flat.cols() + " features per sample are not "
                    + channels + " channels x " + positions + " positions");
        }
        long available = (long) flat.rows() * positions;
        Matrix vectors = Matrix.zeros(observations.length, channels);
        double[] in = flat.data();
        double[] out = vectors.data();
        for (int row = 0; row < observations.length; row++) {
            int observation = observations[row];
            if (observation < 0 || observation >= available) {
                throw new IllegalArgumentException("observation " + observation
                        + " outside [0, " + available + ")");
            }
            int sample = observation / positions;
            int position = observation % positions;
            int base = sample * flat.cols() + position;
            for (int c = 0; c < channels; c++) {
                out[row * channels + c] = in[base + c * positions];
            }
        }
        return new NeuronMatrix(vectors);
    }

    /** [observations, neurons]; callers must not modify it. */
    public Matrix vectors() {
        return vectors;
    }

    public int observations() {
        return vectors.rows();
    }

    public int neurons() {
        return vectors.cols();
    }

    /** Euclidean norm of each neuron's vector, computed in float64 from the activations. */
    public double[] norms() {
        return Arrays.copyOf(norms, norms.length);
    }

    double norm(int neuron) {
        return norms[neuron];
    }
}
