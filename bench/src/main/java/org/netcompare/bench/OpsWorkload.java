package org.netcompare.bench;

import java.util.Random;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.Reduction;
import org.netcompare.engine.compute.UnaryOp;
import org.netcompare.engine.tensor.Tensor;

/**
 * The work {@link OpsBenchmark} and {@link OpenClOpsBenchmark} time: an n x cols float32 matrix
 * of values uniform in [-4, 4) (seed 0) and preallocated outputs, and one operation by name:
 * {@code relu} elementwise, {@code softmax} along rows, {@code logsumexp} of each row,
 * {@code sum0} (sum along axis 0, one value per column).
 */
final class OpsWorkload {

    private final Tensor x;
    private final Tensor full;
    private final Tensor perRow;
    private final Tensor perColumn;

    OpsWorkload(int n, int cols) {
        Random random = new Random(0);
        float[] values = new float[n * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = 8 * random.nextFloat() - 4;
        }
        x = Tensor.wrap(values, n, cols);
        full = Tensor.zeros(n, cols);
        perRow = Tensor.zeros(n);
        perColumn = Tensor.zeros(cols);
    }

    /** Runs {@code op} on {@code backend} and returns the output it wrote. */
    Tensor run(Backend backend, String op) {
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
