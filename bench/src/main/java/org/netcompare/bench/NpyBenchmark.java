package org.netcompare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a float32 {@code [rows, features]} .npy file (uniform [0, 1) values, seed 1) that the
 * page cache already holds, as {@code np.load} in {@code bench/reference/npy.py}: 10000 x 4704
 * is the size of one conv layer's activations (6 x 28 x 28) for 10000 images, 188 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NpyBenchmark {

    @Param({"10000"})
    public int rows;

    @Param({"4704"})
    public int features;

    private Path file;

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(1);
        float[] data = new float[rows * features];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        file = Files.createTempFile("npy-benchmark", ".npy");
        Npy.write(file, NdArray.ofFloats(data, rows, features));
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public NdArray read() throws IOException {
        return Npy.read(file);
    }
}
