package org.netcompare.analysis.similarity;

import java.util.Arrays;
import org.netcompare.engine.parallel.Parallelism;

/**
 * A {@code rows x cols} tile of a matrix product summed in float64 from float32 partial
 * products: a GEMM writes each partial product into {@link #chunk()}, {@link #addChunk()} adds
 * it into the float64 sum. So float32 rounding accumulates only within one chunk.
 */
final class DoubleTile {

    /** Tile rows per parallel task. */
    private static final int ROW_BLOCK = 64;

    private final float[] chunk;
    private final double[] sum;
    private int rows;
    private int cols;

    /** @param capacity the most entries a tile will hold */
    DoubleTile(int capacity) {
        chunk = new float[capacity];
        sum = new double[capacity];
    }

    /** Starts a new sum of the given shape at zero. */
    void reset(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        Arrays.fill(sum, 0, rows * cols, 0);
    }

    /** Where the GEMM writes a partial product, row-major with leading dimension cols. */
    float[] chunk() {
        return chunk;
    }

    void addChunk() {
        Parallelism.forEach(blocks(), block -> {
            int to = end(block);
            for (int e = block * ROW_BLOCK * cols; e < to; e++) {
                sum[e] += chunk[e];
            }
        });
    }

    /**
     * {@code sum_ij S_ij T_ij} of this tile's sum S and the other's T (same shape), in
     * float64; partial sums are added in block order, whichever thread ran which block.
     */
    double dot(DoubleTile other) {
        double[] partial = new double[blocks()];
        Parallelism.forEach(partial.length, block -> {
            int to = end(block);
            double total = 0;
            for (int e = block * ROW_BLOCK * cols; e < to; e++) {
                total += sum[e] * other.sum[e];
            }
            partial[block] = total;
        });
        double total = 0;
        for (double part : partial) {
            total += part;
        }
        return total;
    }

    private int blocks() {
        return (rows + ROW_BLOCK - 1) / ROW_BLOCK;
    }

    private int end(int block) {
        return Math.min(rows, (block + 1) * ROW_BLOCK) * cols;
    }
}
