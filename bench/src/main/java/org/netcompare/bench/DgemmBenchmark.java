package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.gemm.Dgemm;
import org.netcompare.engine.linalg.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Float64 matrix products through {@link Matrix#times} and {@link Matrix#transposeTimes} (both
 * on {@link Dgemm}), square n x n operands, engine threads at their default (every core).
 * bench/reference/dgemm.py times NumPy's float64 {@code a @ b} and {@code a.T @ b} (OpenBLAS).
 *
 * <pre>bench/compare.sh dgemm -f 1 -wi 2 -i 3</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class DgemmBenchmark {

    /** Rows and columns of A, B and the product. */
    @Param({"512", "1024"})
    public int n;

    private Matrix a;
    private Matrix b;

    /** Operands uniform in [0, 1), seed 0. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(0);
        a = uniform(random, n);
        b = uniform(random, n);
        System.out.println("Dgemm path: " + Dgemm.implementation());
    }

    @Benchmark
    public Matrix times() {
        return a.times(b);
    }

    @Benchmark
    public Matrix transposeTimes() {
        return a.transposeTimes(b);
    }

    private static Matrix uniform(Random random, int n) {
        Matrix m = Matrix.zeros(n, n);
        double[] data = m.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextDouble();
        }
        return m;
    }
}
