package org.netcompare.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Conv2d;
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
 * One forward and one backward pass of LeNet-5's convolutions on a batch of {@code n}: conv1
 * (1 -> 6 channels, 5x5, padding 2, on 28x28) and conv2 (6 -> 16, 5x5, on 14x14), with the
 * engine limited to {@code threads} worker threads. bench/reference/conv.py times PyTorch's
 * {@code F.conv2d} forward and autograd backward (input, weight and bias gradients) on the same
 * shapes.
 *
 * <pre>java -jar bench/target/benchmarks.jar ConvBenchmark -p n=128</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class ConvBenchmark {

    /** Which LeNet-5 convolution. */
    @Param({"conv1", "conv2"})
    public String layer;

    /** Batch size. */
    @Param({"16", "128"})
    public int n;

    /** Worker threads of the engine; 2 is every core of the 2-core reference machine. */
    @Param({"1", "2"})
    public int threads;

    private int saved;
    private Conv2d conv;
    private Tensor input;
    private Tensor gradOutput;

    @Setup(Level.Trial)
    public void setUp() {
        boolean first = layer.equals("conv1");
        int in = first ? 1 : 6;
        int out = first ? 6 : 16;
        int side = first ? 28 : 14;
        conv = new Conv2d(layer, in, out, 5, 1, first ? 2 : 0, true);
        SplittableRandom random = new SplittableRandom(0);
        fill(conv.weight().value().data(), random);
        input = Tensor.wrap(fill(new float[n * in * side * side], random), n, in, side, side);
        int outSide = first ? 28 : 10;
        gradOutput = Tensor.wrap(fill(new float[n * out * outSide * outSide], random), n, out,
                outSide, outSide);
        saved = Parallelism.threads();
        Parallelism.setThreads(threads);
        System.out.println("Sgemm path: " + Sgemm.implementation());
    }

    @TearDown(Level.Trial)
    public void restoreThreads() {
        Parallelism.setThreads(saved);
    }

    @Benchmark
    public Tensor forwardBackward() {
        conv.forward(input, true);
        return conv.backward(gradOutput);
    }

    private static float[] fill(float[] values, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
