package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.knn.KnnGraph;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Exact kNN self-graph of n points with d uniform [0, 1) features (seed 1; d = 784 is an MNIST
 * image, 4,704 = 6 x 28 x 28 a convolutional layer's activations),
 * as scikit-learn's {@code NearestNeighbors(algorithm='brute').kneighbors()} in
 * {@code bench/reference/knn.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KnnBenchmark {

    @Param({"2000", "10000"})
    public int n;

    @Param({"784", "4704"})
    public int d;

    @Param({"15"})
    public int k;

    private Tensor points;
    private KnnSearch search;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        float[] data = new float[n * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        points = Tensor.wrap(data, n, d);
        search = KnnSearch.euclidean();
    }

    @Benchmark
    public KnnGraph selfGraph() {
        return search.selfGraph(points, k);
    }
}
