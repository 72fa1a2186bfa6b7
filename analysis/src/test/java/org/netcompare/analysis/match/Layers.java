package org.netcompare.analysis.match;

import java.util.Random;
import org.netcompare.engine.linalg.Matrix;

/** Seeded test layers: Gaussian columns, planted shared directions, and their combinations. */
final class Layers {

    private Layers() {
    }

    static Matrix gaussian(int rows, int cols, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = random.nextGaussian();
        }
        return m;
    }

    /** Columns side by side: [a b ...]. */
    static Matrix concat(Matrix... parts) {
        int rows = parts[0].rows();
        int cols = 0;
        for (Matrix p : parts) {
            cols += p.cols();
        }
        Matrix out = Matrix.zeros(rows, cols);
        int first = 0;
        for (Matrix p : parts) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < p.cols(); j++) {
                    out.set(i, first + j, p.get(i, j));
                }
            }
            first += p.cols();
        }
        return out;
    }

    /** Columns a_j + w b_j of two equally sized matrices. */
    static Matrix plus(Matrix a, Matrix b, double w) {
        Matrix out = a.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] += w * b.data()[i];
        }
        return out;
    }

    /**
     * Two layers built like the benchmark's: each neuron mixes a shared latent (rows x latent)
     * with a private Gaussian direction at a share rising linearly from 0 to {@code share}.
     */
    static NeuronMatrix[] mixed(int rows, int neurons, int latent, double share, long seed) {
        Random random = new Random(seed);
        Matrix shared = gaussian(rows, latent, random);
        NeuronMatrix[] layers = new NeuronMatrix[2];
        for (int l = 0; l < 2; l++) {
            Matrix mix = gaussian(latent, neurons, random);
            Matrix privat = gaussian(rows, neurons, random);
            Matrix layer = shared.times(mix);
            for (int j = 0; j < neurons; j++) {
                double s = share * j / Math.max(1, neurons - 1);
                double norm = 0;
                for (int k = 0; k < latent; k++) {
                    norm += mix.get(k, j) * mix.get(k, j);
                }
                for (int i = 0; i < rows; i++) {
                    layer.set(i, j, layer.get(i, j) / Math.sqrt(norm) * (1 - s)
                            + s * privat.get(i, j));
                }
            }
            layers[l] = NeuronMatrix.dense(layer);
        }
        return layers;
    }
}
