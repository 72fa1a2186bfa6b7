package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.compute.CpuBackend;
import org.netcompare.engine.compute.Reduction;
import org.netcompare.engine.compute.UnaryOp;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;
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
 * {@link CpuBackend} operations on an n x cols float32 matrix of values uniform in [-4, 4),
 * writing into preallocated outputs: {@code relu} elementwise, {@code softmax} along rows,
 * {@code logsumexp} of each row, {@code sum0} (sum along axis 0, one value per column). The
 * engine is limited to {@code threads} worker threads. bench/reference/ops.py times the NumPy
 * float32 equivalents (single-threaded, as NumPy's elementwise and reduction loops are).
 *
 * <pre>java -jar bench/target/benchmarks.jar OpsBenchmark -p op=softmax</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class OpsBenchmark {

    @Param({"relu", "softmax", "logsumexp", "sum0"})
    public String op;

    /** Rows. */
    @Param({"4096"})
    public int n;

    @Param({"1024"})
    public int cols;

    /** Worker threads of the engine; 2 is every core of the 2-core reference machine. */
    @Param({"1", "2"})
    public int threads;

    private final CpuBackend backend = new CpuBackend();
    private Tensor x;
    private Tensor full;
    private Tensor perRow;
    private Tensor perColumn;
    private int savedThreads;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(0);
        float[] values = new float[n * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = 8 * random.nextFloat() - 4;
        }
        x = Tensor.wrap(values, n, cols);
        full = Tensor.zeros(n, cols);
        perRow = Tensor.zeros(n);
        perColumn = Tensor.zeros(cols);
        savedThreads = Parallelism.threads();
        Parallelism.setThreads(threads);
        System.out.println("CpuBackend loops: " + backend.implementation());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Parallelism.setThreads(savedThreads);
    }

    @Benchmark
    public Tensor run() {
        switch (op) {
            case "relu" -> {
                backend.unary(UnaryOp.RELU, x, full);
                return full;
            }
            case "softmax" -> {
                backend.softmax(x, 1, full);
                return full;
            }
            case "logsumexp" -> {
                backend.reduce(Reduction.LOG_SUM_EXP, x, 1, perRow);
                return perRow;
            }
            case "sum0" -> {
                backend.reduce(Reduction.SUM, x, 0, perColumn);
                return perColumn;
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }
}
