package org.netcompare.analysis.similarity;

import org.netcompare.engine.gemm.Sgemm;

/**
 * The sums of linear CKA from the sample-space Gram matrices {@code K = X X^T},
 * {@code L = Y Y^T} of centred X {@code [n, dx]} and Y {@code [n, dy]}:
 * {@code ||Y^T X||_F^2 = <K, L>_F}, {@code ||X^T X||_F^2 = ||K||_F^2},
 * {@code ||Y^T Y||_F^2 = ||L||_F^2}; the cheaper route for wide layers (n below
 * {@code dx + dy}). K and L are formed one pair of matching tiles at a time, only on and above
 * the diagonal (both are symmetric), each tile summed in float64 over float32 products of at
 * most {@code featureChunk} features, as {@link FeatureProducts} does over samples.
 */
final class SampleProducts {

    static final SampleProducts DEFAULT = new SampleProducts(1024, 1024);

    private final int tileSize;
    private final int featureChunk;

    /**
     * @param tileSize     edge of a tile of K and L
     * @param featureChunk features per float32 GEMM call; the chunk sums are added in float64
     */
    SampleProducts(int tileSize, int featureChunk) {
        this.tileSize = tileSize;
        this.featureChunk = featureChunk;
    }

    LinearProducts of(CentredSamples x, CentredSamples y) {
        int n = x.samples();
        DoubleTile k = new DoubleTile(tileSize * tileSize);
        DoubleTile l = new DoubleTile(tileSize * tileSize);
        double cross = 0;
        double selfX = 0;
        double selfY = 0;
        for (int i0 = 0; i0 < n; i0 += tileSize) {
            for (int j0 = i0; j0 < n; j0 += tileSize) {
                gramTile(k, x, i0, j0);
                gramTile(l, y, i0, j0);
                double weight = i0 == j0 ? 1 : 2;
                cross += weight * k.dot(l);
                selfX += weight * k.dot(k);
                selfY += weight * l.dot(l);
            }
        }
        return new LinearProducts(cross, selfX, selfY);
    }

    /** The tile of {@code A A^T} at rows {@code i0}, columns {@code j0}, into {@code tile}. */
    private void gramTile(DoubleTile tile, CentredSamples a, int i0, int j0) {
        int n = a.samples();
        int d = a.features();
        int rows = Math.min(tileSize, n - i0);
        int cols = Math.min(tileSize, n - j0);
        tile.reset(rows, cols);
        for (int f0 = 0; f0 < d; f0 += featureChunk) {
            int count = Math.min(featureChunk, d - f0);
            Sgemm.gemm(false, true, rows, cols, count, 1f, a.values(), i0 * d + f0, d,
                    a.values(), j0 * d + f0, d, 0f, tile.chunk(), 0, cols);
            tile.addChunk();
        }
    }
}
