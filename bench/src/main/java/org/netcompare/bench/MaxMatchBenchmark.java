package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.analysis.match.MatchResult;
import org.netcompare.analysis.match.MaximumMatch;
import org.netcompare.analysis.match.NeuronMatrix;
import org.netcompare.engine.linalg.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The maximum epsilon-match of two layers (Wang et al., NeurIPS 2018), from the activations to
 * the match, beside bench/reference/maxmatch.py (the same pruning in NumPy, one QR of the kept
 * neurons per step). Layers as in the script: every neuron mixes a 64-dimensional latent shared
 * by both layers with a private Gaussian direction, the private share rising linearly from 0 to
 * 0.45 across the neurons, so the pruning cascades over several steps (about half the neurons
 * of each layer remain at eps 0.3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MaxMatchBenchmark {

    private static final int LATENT = 64;
    private static final double SHARE = 0.45;

    @Param({"512"})
    public int neurons;

    @Param({"10000"})
    public int samples;

    @Param({"0.3"})
    public double eps;

    private NeuronMatrix x;
    private NeuronMatrix y;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        Matrix shared = gaussian(samples, LATENT, random);
        x = layer(shared, random);
        y = layer(shared, random);
    }

    private NeuronMatrix layer(Matrix shared, Random random) {
        Matrix mix = gaussian(LATENT, neurons, random);
        Matrix layer = shared.times(mix);
        double[] d = layer.data();
        for (int j = 0; j < neurons; j++) {
            double norm = 0;
            for (int k = 0; k < LATENT; k++) {
                norm += mix.get(k, j) * mix.get(k, j);
            }
            double share = SHARE * j / (neurons - 1);
            double scale = (1 - share) / Math.sqrt(norm);
            for (int i = 0; i < samples; i++) {
                d[i * neurons + j] = d[i * neurons + j] * scale + share * random.nextGaussian();
            }
        }
        return NeuronMatrix.dense(layer);
    }

    private static Matrix gaussian(int rows, int cols, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = random.nextGaussian();
        }
        return m;
    }

    @Benchmark
    public MatchResult maximumMatch() {
        return new MaximumMatch(x, y).find(eps);
    }
}
