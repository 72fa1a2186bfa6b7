package org.netcompare.engine.knn;

import java.util.Arrays;

/**
 * Turns one row of screening dot products into the exact k nearest neighbours of that query:
 * screen with the float32 expansion, keep every base point that the screening error
 * ({@link ScreeningBound}) cannot rule out, and rank those by their float64 distance. One per
 * worker: it owns its two heaps and its candidate buffer.
 */
final class RowRanker {

    private final PointSet queries;
    private final PointSet base;
    private final ScreeningCopy queryCopy;
    private final ScreeningCopy baseCopy;
    private final ScreeningBound bound;
    private final Metric metric;
    private final boolean excludeSelf;
    private final int k;
    private final NeighbourHeap screened;
    private final NeighbourHeap exact;
    private int[] candidate;
    private int candidates;

    RowRanker(PointSet queries, PointSet base, ScreeningCopy queryCopy, ScreeningCopy baseCopy,
            ScreeningBound bound, Metric metric, boolean excludeSelf, int k) {
        this.queries = queries;
        this.base = base;
        this.queryCopy = queryCopy;
        this.baseCopy = baseCopy;
        this.bound = bound;
        this.metric = metric;
        this.excludeSelf = excludeSelf;
        this.k = k;
        this.screened = new NeighbourHeap(k);
        this.exact = new NeighbourHeap(k);
        this.candidate = new int[Math.max(1, Math.min(baseCopy.rows, 4 * k + 64))];
    }

    /**
     * Ranks query {@code q} from its dot products with every base point,
     * {@code dots[at + b] = fl32(c_q . c_b)}, and writes its k neighbours (nearest first) and
     * distances under the metric into row q of {@code outIndices} / {@code outDistances}.
     *
     * <p>With E the largest error bound of the row (its query against the longest base row) and
     * t the k-th smallest screening value, k points have exact distance at most t + E, so every
     * true neighbour, ties included, has screening value at most t + 2E: those are re-ranked.
     * One pass finds t and gathers the candidates: the running k-th smallest value only falls,
     * so a point within 2E of the final t was within 2E of the running one when it was read.
     */
    void rank(int q, float[] dots, int at, int[] outIndices, double[] outDistances) {
        double squaredNorm = queryCopy.squaredNorms[q];
        double[] baseSquaredNorms = baseCopy.squaredNorms;
        double margin = 2 * bound.error(queryCopy.norms[q], baseCopy.largestNorm);
        int skip = excludeSelf ? q : -1;

        screened.clear();
        candidates = 0;
        double limit = Double.POSITIVE_INFINITY;
        for (int b = 0; b < baseCopy.rows; b++) {
            double value = squaredNorm + baseSquaredNorms[b] - 2.0 * dots[at + b];
            if (value <= limit && b != skip) {
                screened.offer(value, b);
                if (screened.isFull()) {
                    limit = screened.largestDistance() + margin;
                }
                if (candidates == candidate.length) {
                    keepCandidatesWithin(limit, squaredNorm, dots, at);
                }
                candidate[candidates++] = b;
            }
        }

        exact.clear();
        for (int c = 0; c < candidates; c++) {
            int b = candidate[c];
            if (squaredNorm + baseSquaredNorms[b] - 2.0 * dots[at + b] <= limit) {
                exact.offer(queries.squaredDistance(q, base, b), b);
            }
        }
        int from = q * k;
        exact.drainAscending(outIndices, outDistances, from);
        for (int j = from; j < from + k; j++) {
            outDistances[j] = metric.fromSquared(outDistances[j]);
        }
    }

    /** Drops gathered candidates beyond the current limit; grows the buffer if that frees little. */
    private void keepCandidatesWithin(double limit, double squaredNorm, float[] dots, int at) {
        int kept = 0;
        for (int c = 0; c < candidates; c++) {
            int b = candidate[c];
            if (squaredNorm + baseCopy.squaredNorms[b] - 2.0 * dots[at + b] <= limit) {
                candidate[kept++] = b;
            }
        }
        candidates = kept;
        if (kept > candidate.length / 2) {
            candidate = Arrays.copyOf(candidate, Math.min(2 * candidate.length,
                    Math.max(baseCopy.rows, 1)));
        }
    }
}
