package org.netcompare.bench;

import java.util.concurrent.TimeUnit;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.CpuBackend;
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
    private OpsWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new OpsWorkload(n, cols);
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
        return workload.run(implementation, op);
    }
}
