package org.netcompare.engine.knn;

import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.parallel.Parallelism;

/**
 * The float32 Gram matrix {@code G = C C^T} of a point set's screening copy, {@code [n, n]}
 * row-major, at half the GEMM work: row tile I multiplies only the columns from its own first
 * row on, and the block right of its diagonal block is mirrored below it. Every entry is still
 * one float32 dot product of two rows, so {@link ScreeningBound} holds for it.
 */
final class SymmetricGram {

    /** Columns mirrored together: the strided writes then stay within a few cache lines. */
    private static final int MIRROR_BLOCK = 64;

    private SymmetricGram() {
    }

    /** Bytes of the Gram matrix of {@code rows} points, or -1 when one array cannot hold it. */
    static long bytes(int rows) {
        long entries = (long) rows * rows;
        return entries > Integer.MAX_VALUE - 8 ? -1 : entries * Float.BYTES;
    }

    /** Computes G, tiles of {@code tileRows} rows in parallel. */
    static float[] compute(ScreeningCopy points, int tileRows) {
        int n = points.rows;
        int d = points.cols;
        float[] gram = new float[n * n];
        if (d == 0) {
            return gram;
        }
        int tiles = (n + tileRows - 1) / tileRows;
        Parallelism.forEach(tiles, tile -> {
            int first = tile * tileRows;
            int rows = Math.min(tileRows, n - first);
            Sgemm.gemm(false, true, rows, n - first, d, 1f, points.values, first * d, d,
                    points.values, first * d, d, 0f, gram, first * n + first, n);
            mirror(gram, n, first, first + rows);
        });
        return gram;
    }

    /** Copies rows [from, to), columns [to, n) onto columns [from, to), rows [to, n). */
    private static void mirror(float[] gram, int n, int from, int to) {
        for (int block = to; block < n; block += MIRROR_BLOCK) {
            int end = Math.min(block + MIRROR_BLOCK, n);
            for (int i = from; i < to; i++) {
                for (int j = block; j < end; j++) {
                    gram[j * n + i] = gram[i * n + j];
                }
            }
        }
    }
}
