package org.netcompare.engine.knn;

/**
 * Turns one row of screening dot products into the exact k nearest neighbours of that query:
 * screen with the float32 expansion, keep every base point that the screening error
 * ({@link ScreeningBound}) cannot rule out, and rank those by their float64 distance. One per
 * worker: it owns its two heaps.
 */
final class RowRanker {

    private final PointSet queries;
    private final PointSet base;
    private final ScreeningCopy queryCopy;
    private final ScreeningCopy baseCopy;
    private final ScreeningBound bound;
    private final boolean excludeSelf;
    private final int k;
    private final NeighbourHeap screened;
    private final NeighbourHeap exact;

    RowRanker(PointSet queries, PointSet base, ScreeningCopy queryCopy, ScreeningCopy baseCopy,
            ScreeningBound bound, boolean excludeSelf, int k) {
        this.queries = queries;
        this.base = base;
        this.queryCopy = queryCopy;
        this.baseCopy = baseCopy;
        this.bound = bound;
        this.excludeSelf = excludeSelf;
        this.k = k;
        this.screened = new NeighbourHeap(k);
        this.exact = new NeighbourHeap(k);
    }

    /**
     * Ranks query {@code q} from its dot products with every base point,
     * {@code dots[at + b] = fl32(c_q . c_b)}, and writes its k neighbours (nearest first) and
     * Euclidean distances into row q of {@code outIndices} / {@code outDistances}.
     *
     * <p>With E the largest error bound of the row (its query against the longest base row) and
     * t the k-th smallest screening value, k points have exact distance at most t + E, so every
     * true neighbour, ties included, has screening value at most t + 2E: those are re-ranked.
     */
    void rank(int q, float[] dots, int at, int[] outIndices, double[] outDistances) {
        double squaredNorm = queryCopy.squaredNorms[q];
        double[] baseSquaredNorms = baseCopy.squaredNorms;
        int skip = excludeSelf ? q : -1;

        screened.clear();
        for (int b = 0; b < baseCopy.rows; b++) {
            if (b != skip) {
                screened.offer(squaredNorm + baseSquaredNorms[b] - 2.0 * dots[at + b], b);
            }
        }
        double cap = screened.largestDistance()
                + 2 * bound.error(queryCopy.norms[q], baseCopy.largestNorm);

        exact.clear();
        for (int b = 0; b < baseCopy.rows; b++) {
            if (b != skip && squaredNorm + baseSquaredNorms[b] - 2.0 * dots[at + b] <= cap) {
                exact.offer(queries.squaredDistance(q, base, b), b);
            }
        }
        int from = q * k;
        exact.drainAscending(outIndices, outDistances, from);
        for (int j = from; j < from + k; j++) {
            outDistances[j] = Math.sqrt(outDistances[j]);
        }
    }
}
