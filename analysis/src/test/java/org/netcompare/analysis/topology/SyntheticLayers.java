package org.netcompare.analysis.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.tensor.Tensor;

/**
 * Test data: the "layers" of a small random ReLU network applied to seeded Gaussian samples, so
 * that neighbourhoods drift from layer to layer but stay related.
 */
final class SyntheticLayers {

    private SyntheticLayers() {
    }

    /** Activations of {@code layers} layers, sample {@code order[s]} placed at row s. */
    static List<Tensor> activations(int samples, int layers, long seed, int[] order) {
        Random random = new Random(seed);
        int width = 6;
        double[][] current = new double[samples][width];
        for (double[] row : current) {
            for (int c = 0; c < width; c++) {
                row[c] = random.nextGaussian();
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            float[] flat = new float[samples * width];
            for (int s = 0; s < samples; s++) {
                for (int c = 0; c < width; c++) {
                    flat[s * width + c] = (float) current[order[s]][c];
                }
            }
            out.add(Tensor.wrap(flat, samples, width));
            double[][] weights = new double[width][width];
            for (double[] row : weights) {
                for (int c = 0; c < width; c++) {
                    row[c] = random.nextGaussian() / Math.sqrt(width);
                }
            }
            double[][] next = new double[samples][width];
            for (int s = 0; s < samples; s++) {
                for (int o = 0; o < width; o++) {
                    double sum = 0.3 * current[s][o];
                    for (int c = 0; c < width; c++) {
                        sum += weights[o][c] * current[s][c];
                    }
                    next[s][o] = Math.max(sum, 0.1 * sum);
                }
            }
            current = next;
        }
        return out;
    }

    static int[] identity(int samples) {
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        return order;
    }

    static List<String> names(int layers) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            names.add("layer" + i);
        }
        return names;
    }

    static LayerGraphs graphs(int samples, int layers, int maxK, long seed, int[] order) {
        return LayerGraphs.compute(names(layers), activations(samples, layers, seed, order), maxK,
                KnnSearch.euclidean());
    }

    /** A seeded random permutation of 0..n-1. */
    static int[] permutation(int n, long seed) {
        int[] order = identity(n);
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Layers given as 1-D coordinates, one value per sample. */
    static LayerGraphs line(int k, float[]... layers) {
        List<Tensor> tensors = new ArrayList<>();
        for (float[] values : layers) {
            tensors.add(Tensor.wrap(values.clone(), values.length, 1));
        }
        return LayerGraphs.compute(names(layers.length), tensors, k, KnnSearch.euclidean());
    }
}
