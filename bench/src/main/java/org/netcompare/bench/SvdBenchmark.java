package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Svd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Thin SVD with U and V of a random n x n matrix (standard normal entries, seed 1), as
 * {@code numpy.linalg.svd(a, full_matrices=False)} in {@code bench/reference/svd.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SvdBenchmark {

    @Param({"500", "1000"})
    public int n;

    private Matrix matrix;
    private Svd svd;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        matrix = Matrix.zeros(n, n);
        double[] data = matrix.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        svd = new Svd(true, true, false);
    }

    @Benchmark
    public void svd(Blackhole sink) {
        svd.decompose(matrix);
        sink.consume(svd.getU());
        sink.consume(svd.getV());
    }
}
