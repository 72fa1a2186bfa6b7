package org.netcompare.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.SymmetricEigen;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Eigenvalues and eigenvectors of a random symmetric n x n matrix (standard normal entries,
 * seed 1), as {@code numpy.linalg.eigh} in {@code bench/reference/eigen.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EigenBenchmark {

    @Param({"500", "1000"})
    public int n;

    private Matrix matrix;
    private SymmetricEigen eigen;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        matrix = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = random.nextGaussian();
                matrix.set(i, j, v);
                matrix.set(j, i, v);
            }
        }
        eigen = new SymmetricEigen(true);
    }

    @Benchmark
    public Matrix eigh() {
        eigen.decompose(matrix);
        return eigen.eigenvectors();
    }
}
