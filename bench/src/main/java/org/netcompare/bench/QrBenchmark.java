package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Qr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Householder QR of a standard normal m x n matrix with the thin Q formed, the work of
 * {@code numpy.linalg.qr(a, mode="reduced")} (bench/reference/qr.py).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QrBenchmark {

    /** rows x columns. */
    @Param({"1000x1000", "10000x512"})
    public String shape;

    private Matrix a;
    private Qr qr;
    private Matrix q;
    private Matrix r;

    @Setup
    public void setUp() {
        String[] sizes = shape.split("x");
        int m = Integer.parseInt(sizes[0]);
        int n = Integer.parseInt(sizes[1]);
        a = Matrix.zeros(m, n);
        Random random = new Random(1);
        double[] data = a.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        qr = new Qr(false);
        q = Matrix.zeros(m, Math.min(m, n));
        r = Matrix.zeros(Math.min(m, n), n);
    }

    @Benchmark
    public Matrix thinQr() {
        qr.decompose(a);
        qr.getR(r);
        return qr.getQ(q, true);
    }
}
