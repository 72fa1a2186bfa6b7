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
 * {@link Sgemm} with the engine limited to {@code threads} worker threads: square C = A B
 * (n x n x n, no transposes) and the kNN screening shape C = Q P^T (points x points x 128, B
 * transposed). bench/reference/gemm.py times NumPy's float32 matmul (OpenBLAS) on the same
 * shapes and thread counts.
 *
 * <pre>java -jar bench/target/benchmarks.jar GemmBenchmark -p n=1024</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GemmBenchmark {

    /** Features of the kNN screening shape (a typical embedding width). */
    private static final int FEATURES = 128;

    /** Engine thread count for one trial, restored afterwards. */
    @State(Scope.Benchmark)
    public abstract static class Threads {

        /** Worker threads of the engine; 2 is every core of the 2-core reference machine. */
        @Param({"1", "2"})
        public int threads;

        private int saved;

        void useThreads() {
            saved = Parallelism.threads();
            Parallelism.setThreads(threads);
            System.out.println("Sgemm path: " + Sgemm.implementation());
        }

        @TearDown(Level.Trial)
        public void restoreThreads() {
            Parallelism.setThreads(saved);
        }
    }

    /** Square operands, uniform in [0, 1), seed 0. */
    public static class Square extends Threads {

        /** Rows and columns of A, B and C. */
        @Param({"256", "512", "1024", "2048"})
        public int n;

        float[] a;
        float[] b;
        float[] c;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(0);
            a = uniform(random, n * n);
            b = uniform(random, n * n);
            c = new float[n * n];
            useThreads();
        }
    }

    /** Queries and points, both points x FEATURES, uniform in [0, 1), seed 1. */
    public static class Knn extends Threads {

        /** Queries and base points. */
        @Param({"4096"})
        public int points;

        float[] queries;
        float[] base;
        float[] dots;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(1);
            queries = uniform(random, points * FEATURES);
            base = uniform(random, points * FEATURES);
            dots = new float[points * points];
            useThreads();
        }
    }

    @Benchmark
    public float[] square(Square s) {
        Sgemm.gemm(false, false, s.n, s.n, s.n, 1f, s.a, 0, s.n, s.b, 0, s.n, 0f, s.c, 0, s.n);
        return s.c;
    }

    @Benchmark
    public float[] knnDots(Knn s) {
        Sgemm.gemm(false, true, s.points, s.points, FEATURES, 1f, s.queries, 0, FEATURES, s.base,
                0, FEATURES, 0f, s.dots, 0, s.points);
        return s.dots;
    }

    private static float[] uniform(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }
}
