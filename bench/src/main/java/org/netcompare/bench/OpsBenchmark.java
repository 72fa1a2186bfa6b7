package org.netcompare.bench;

import java.util.concurrent.TimeUnit;
import org.netcompare.engine.compute.CpuBackend;
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
    private OpsWorkload workload;
    private int savedThreads;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new OpsWorkload(n, cols);
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
        return workload.run(backend, op);
    }
}
