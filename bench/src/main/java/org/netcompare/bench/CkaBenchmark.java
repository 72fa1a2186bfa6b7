package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.analysis.similarity.Cka;
import org.netcompare.engine.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Linear CKA, biased and debiased from one set of products ({@link Cka#linear}), of two
 * {@code [n, d]} float32 matrices with uniform [0, 1) entries (seeds 1 and 2): centring plus
 * the feature-space products {@code ||Y^T X||}, {@code ||X^T X||}, {@code ||Y^T Y||}.
 * bench/reference/cka.py runs the same formula in plain NumPy (float32 matmul on OpenBLAS,
 * float64 sums).
 *
 * <pre>bench/compare.sh cka -f 1 -wi 1 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class CkaBenchmark {

    @Param({"10000"})
    public int n;

    @Param({"4096"})
    public int d;

    private Tensor x;
    private Tensor y;

    @Setup
    public void setUp() {
        x = uniform(n, d, 1);
        y = uniform(n, d, 2);
    }

    private static Tensor uniform(int rows, int cols, long seed) {
        Random random = new Random(seed);
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return Tensor.wrap(data, rows, cols);
    }

    @Benchmark
    public Cka.Linear linear() {
        return Cka.linear(x, y);
    }
}
