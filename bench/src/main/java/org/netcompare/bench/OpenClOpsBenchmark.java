package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.CpuBackend;
import org.netcompare.engine.compute.Reduction;
import org.netcompare.engine.compute.UnaryOp;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.kernels.opencl.OpenClBackend;
import org.netcompare.kernels.opencl.OpenClContext;
import org.netcompare.kernels.opencl.Placement;
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
 * The operations of {@link OpsBenchmark} (relu, softmax along rows, logsumexp of each row, sum
 * along axis 0 of an n x cols matrix uniform in [-4, 4)) on the CPU backend and on the OpenCL
 * backend with every operation on the device ({@link Placement#device()}), host tensors in and
 * out, so OpenCL times include the transfers. bench/reference/openClOps.py times NumPy.
 *
 * <pre>java -jar bench/target/benchmarks.jar OpenClOpsBenchmark -f 1 -wi 2 -i 3</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class OpenClOpsBenchmark {

    @Param({"relu", "softmax", "logsumexp", "sum0"})
    public String op;

    /** "cpu" or "opencl". */
    @Param({"cpu", "opencl"})
    public String backend;

    /** Rows. */
    @Param({"4096"})
    public int n;

    @Param({"1024"})
    public int cols;

    private Backend implementation;
    private OpenClContext context;
    private Tensor x;
    private Tensor full;
    private Tensor perRow;
    private Tensor perColumn;

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
        if (backend.equals("cpu")) {
            implementation = new CpuBackend();
            return;
        }
        context = OpenClContext.open();
        System.out.println("OpenCL device: " + context.description());
        implementation = new OpenClBackend(context, Placement.device());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (context != null) {
            context.close();
        }
    }

    @Benchmark
    public Tensor run() {
        switch (op) {
            case "relu" -> {
                implementation.unary(UnaryOp.RELU, x, full);
                return full;
            }
            case "softmax" -> {
                implementation.softmax(x, 1, full);
                return full;
            }
            case "logsumexp" -> {
                implementation.reduce(Reduction.LOG_SUM_EXP, x, 1, perRow);
                return perRow;
            }
            case "sum0" -> {
                implementation.reduce(Reduction.SUM, x, 0, perColumn);
                return perColumn;
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }
}
