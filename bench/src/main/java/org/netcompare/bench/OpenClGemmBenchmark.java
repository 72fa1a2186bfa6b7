package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.CpuBackend;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.kernels.opencl.OpenClBackend;
import org.netcompare.kernels.opencl.OpenClContext;
import org.netcompare.kernels.opencl.PanelGemm;
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
 * Square C = A B (n x n x n, no transposes) on the CPU backend and on the OpenCL backend with
 * every operation forced onto the device ({@link Placement#device()}; on PoCL that is the same
 * cores). GFLOPS = 2 n^3 / time.
 * <ul>
 *   <li>{@code withTransfers}: {@link Backend#gemm} on host tensors, so for OpenCL it includes
 *       packing, upload, kernel, download and the alpha/beta pass;
 *   <li>{@code kernelOnly}: for OpenCL, sgemm.cl on operands already packed on the device
 *       ({@link PanelGemm#multiply}); for the CPU, {@link Sgemm} on the raw arrays.
 * </ul>
 * bench/reference/openClGemm.py times NumPy's float32 matmul on the same sizes.
 *
 * <pre>java -jar bench/target/benchmarks.jar OpenClGemmBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class OpenClGemmBenchmark {

    /** Rows and columns of A, B and C. */
    @Param({"256", "1024"})
    public int n;

    /** "cpu" or "opencl". */
    @Param({"cpu", "opencl"})
    public String backend;

    private Tensor a;
    private Tensor b;
    private Tensor c;
    private Backend implementation;
    private OpenClContext context;
    private PanelGemm resident;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(0);
        a = uniform(random, n);
        b = uniform(random, n);
        c = Tensor.zeros(n, n);
        if (backend.equals("cpu")) {
            implementation = new CpuBackend();
            return;
        }
        context = OpenClContext.open();
        System.out.println("OpenCL device: " + context.description());
        implementation = new OpenClBackend(context, Placement.device());
        resident = new PanelGemm(context);
        resident.load(false, false, a, b);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (context != null) {
            resident.close();
            context.close();
        }
    }

    @Benchmark
    public Tensor withTransfers() {
        implementation.gemm(false, false, 1f, a, b, 0f, c);
        return c;
    }

    @Benchmark
    public Object kernelOnly() {
        if (resident != null) {
            resident.multiply();
            return resident;
        }
        Sgemm.gemm(false, false, n, n, n, 1f, a.data(), 0, n, b.data(), 0, n, 0f, c.data(), 0, n);
        return c;
    }

    private static Tensor uniform(Random random, int n) {
        float[] data = new float[n * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return Tensor.wrap(data, n, n);
    }
}
