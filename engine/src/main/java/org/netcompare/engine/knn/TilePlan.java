package org.netcompare.engine.knn;

import java.util.Locale;

/**
 * How a search splits its queries into row tiles so that everything it allocates fits a memory
 * budget: the screening copies, the result arrays, per worker two neighbour heaps and a
 * candidate buffer, and the float32 screening values. A self-graph whose whole Gram matrix fits
 * computes that once at half the GEMM work ({@link SymmetricGram}); otherwise each worker holds
 * one tile of {@code rowsPerTile x baseRows} values.
 */
final class TilePlan {

    private static final int MAX_ROWS = 1024;

    final boolean symmetric;
    final int workers;
    final int rowsPerTile;
    final int tiles;

    private TilePlan(boolean symmetric, int workers, int rowsPerTile, int queryRows) {
        this.symmetric = symmetric;
        this.workers = workers;
        this.rowsPerTile = rowsPerTile;
        this.tiles = queryRows == 0 ? 0 : (queryRows + rowsPerTile - 1) / rowsPerTile;
    }

    /**
     * @param fixedBytes bytes the search holds regardless of tiling (copies and results)
     * @param self       whether queries and base are one point set (a self-graph)
     * @param threads    workers available
     * @throws IllegalArgumentException if even one worker with a one-row tile exceeds the budget
     */
    static TilePlan fit(long budget, long fixedBytes, int queryRows, int baseRows, int cols, int k,
            boolean self, int threads) {
        long rowBytes = (long) baseRows * Float.BYTES;
        // Two heaps of k entries and a candidate buffer that can grow to a whole row.
        long workerBytes = 2L * k * (Integer.BYTES + Double.BYTES)
                + (long) baseRows * Integer.BYTES;
        long left = budget - fixedBytes;
        long gramBytes = SymmetricGram.bytes(baseRows);
        if (self && gramBytes >= 0 && gramBytes + threads * workerBytes <= left) {
            return new TilePlan(true, threads, balancedRows(queryRows, threads), queryRows);
        }
        if (left < rowBytes + workerBytes) {
            throw new IllegalArgumentException("exact kNN of " + queryRows + " queries against "
                    + baseRows + " points of " + cols + " features with k = " + k
                    + " needs at least " + mebibytes(fixedBytes + rowBytes + workerBytes)
                    + " but the memory budget is " + mebibytes(budget));
        }
        int workers = (int) Math.max(1, Math.min(Math.min(threads, Math.max(queryRows, 1)),
                left / (rowBytes + workerBytes)));
        long perWorker = left / workers - workerBytes;
        // One tile is one float[]: its rows x baseRows entries must fit an array.
        long rows = Math.min(perWorker / Math.max(rowBytes, 1),
                (Integer.MAX_VALUE - 8L) / Math.max(baseRows, 1));
        return new TilePlan(false, workers,
                (int) Math.max(1, Math.min(rows, balancedRows(queryRows, workers))), queryRows);
    }

    /**
     * Several tiles per worker let the workers share out uneven progress; past a thousand or so
     * rows a GEMM tile gains nothing more from its size.
     */
    private static int balancedRows(int queryRows, int workers) {
        return (int) Math.max(1, Math.min(MAX_ROWS,
                ((long) queryRows + 4L * workers - 1) / (4L * workers)));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
