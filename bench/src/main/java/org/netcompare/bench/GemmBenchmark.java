package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.parallel.Parallelism;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link Sgemm} on square n x n x n products, C = A B (no transposes, alpha = 1, beta = 0), with
 * the engine limited to {@code threads} worker threads. bench/reference/gemm.py times NumPy's
 * float32 matmul (OpenBLAS) on the same shapes and thread counts.
 *
 * <pre>java -jar bench/target/benchmarks.jar GemmBenchmark -p n=1024</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GemmBenchmark {

    /** Rows and columns of A, B and C. */
    @Param({"256", "1024", "2048"})
    public int n;

    /** Worker threads of the engine; 2 is every core of the 2-core reference machine. */
    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;
    private int savedThreads;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(0);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = random.nextFloat();
            b[i] = random.nextFloat();
        }
        savedThreads = Parallelism.threads();
        Parallelism.setThreads(threads);
        System.out.println("Sgemm path: " + Sgemm.implementation());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Parallelism.setThreads(savedThreads);
    }

    @Benchmark
    public float[] square() {
        Sgemm.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        return c;
    }
}
