package org.netcompare.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.model.ModelZoo;
import org.netcompare.nets.model.Sequential;
import org.netcompare.nets.train.Sgd;
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
 * One training step of LeNet-5 ({@link ModelZoo} {@code lenet5}) on a batch of {@code n}
 * 28x28 images: forward in training mode, softmax cross-entropy, backward, and an SGD update
 * with momentum 0.9, as {@code netcompare train} does; samples per second = n / time.
 * bench/reference/lenetTrain.py times the same step in PyTorch (nn.Sequential, torch.optim.SGD).
 *
 * <pre>java -jar bench/target/benchmarks.jar LeNetTrainBenchmark -p threads=2</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class LeNetTrainBenchmark {

    /** Batch size, that of the default recipe. */
    @Param({"64"})
    public int n;

    /** Worker threads of the engine; 2 is every core of the 2-core reference machine. */
    @Param({"1", "2"})
    public int threads;

    private int saved;
    private Sequential model;
    private Sgd optimizer;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private Tensor images;
    private int[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        model = ModelZoo.spec("lenet5").build(0);
        optimizer = new Sgd(0.01, 0.9, 0);
        SplittableRandom random = new SplittableRandom(0);
        float[] pixels = new float[n * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        images = Tensor.wrap(pixels, n, 1, 28, 28);
        labels = random.ints(n, 0, 10).toArray();
        saved = Parallelism.threads();
        Parallelism.setThreads(threads);
    }

    @TearDown(Level.Trial)
    public void restoreThreads() {
        Parallelism.setThreads(saved);
    }

    @Benchmark
    public double step() {
        double value = loss.forward(model.forward(images, true), labels);
        model.zeroGrad();
        model.backwardParameters(loss.backward());
        optimizer.step(model.parameters());
        return value;
    }
}
