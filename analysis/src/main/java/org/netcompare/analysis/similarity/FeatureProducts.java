package org.netcompare.analysis.similarity;

import org.netcompare.engine.gemm.Sgemm;

/**
 * Squared Frobenius norms of feature cross-products {@code ||A^T B||_F^2} of two centred
 * {@code [n, da]} and {@code [n, db]} float32 matrices, the statistics of linear CKA in feature
 * space (Kornblith et al. 2019, section 3), without ever holding the whole {@code da x db}
 * product.
 *
 * <p>Accuracy: the product is formed one output tile at a time; each tile is a sum over chunks
 * of at most {@code sampleChunk} (1024) samples, each chunk multiplied in float32 by
 * {@link Sgemm} and added into a float64 tile ({@link DoubleTile}), and the squares are summed
 * in float64. So float32 rounding accumulates over at most {@code sampleChunk} terms (relative
 * error of order {@code sqrt(sampleChunk) * 2^-24} per entry for random data) instead of over
 * all n samples and all {@code da * db} squares. Memory: one float32 and one float64 tile.
 */
final class FeatureProducts {

    /** Tiles large enough that each GEMM call keeps every core busy. */
    static final FeatureProducts DEFAULT = new FeatureProducts(1024, 1024);

    private final int tileSize;
    private final int sampleChunk;

    /**
     * @param tileSize    edge of an output tile
     * @param sampleChunk samples per float32 GEMM call; the chunk sums are added in float64
     */
    FeatureProducts(int tileSize, int sampleChunk) {
        this.tileSize = tileSize;
        this.sampleChunk = sampleChunk;
    }

    /** The three sums for X {@code [n, dx]} and Y {@code [n, dy]} with the same n. */
    LinearProducts of(CentredSamples x, CentredSamples y) {
        return new LinearProducts(crossSquaredNorm(x, y), gramSquaredNorm(x), gramSquaredNorm(y));
    }

    /** {@code ||A^T B||_F^2} for A {@code [n, da]} and B {@code [n, db]} with the same n. */
    double crossSquaredNorm(CentredSamples a, CentredSamples b) {
        double sum = 0;
        DoubleTile tile = new DoubleTile(tileSize * tileSize);
        for (int i0 = 0; i0 < a.features(); i0 += tileSize) {
            for (int j0 = 0; j0 < b.features(); j0 += tileSize) {
                sum += squaredNorm(tile, a, i0, b, j0);
            }
        }
        return sum;
    }

    /**
     * {@code ||A^T A||_F^2}: only tiles on and above the diagonal are multiplied, those above
     * counting twice, since {@code A^T A} is symmetric.
     */
    double gramSquaredNorm(CentredSamples a) {
        double sum = 0;
        DoubleTile tile = new DoubleTile(tileSize * tileSize);
        for (int i0 = 0; i0 < a.features(); i0 += tileSize) {
            sum += squaredNorm(tile, a, i0, a, i0);
            for (int j0 = i0 + tileSize; j0 < a.features(); j0 += tileSize) {
                sum += 2 * squaredNorm(tile, a, i0, a, j0);
            }
        }
        return sum;
    }

    /** Sum of squares of the tile of {@code A^T B} at rows {@code i0}, columns {@code j0}. */
    private double squaredNorm(DoubleTile tile, CentredSamples a, int i0, CentredSamples b,
            int j0) {
        int rows = Math.min(tileSize, a.features() - i0);
        int cols = Math.min(tileSize, b.features() - j0);
        int da = a.features();
        int db = b.features();
        tile.reset(rows, cols);
        for (int s0 = 0; s0 < a.samples(); s0 += sampleChunk) {
            int count = Math.min(sampleChunk, a.samples() - s0);
            Sgemm.gemm(true, false, rows, cols, count, 1f, a.values(), s0 * da + i0, da,
                    b.values(), s0 * db + j0, db, 0f, tile.chunk(), 0, cols);
            tile.addChunk();
        }
        return tile.dot(tile);
    }
}
