package org.netcompare.analysis.similarity;

import java.util.Arrays;
import org.netcompare.engine.knn.KnnGraph;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.tensor.Tensor;

/**
 * TwoNN intrinsic dimension (Facco, d'Errico, Rodriguez and Laio, "Estimating the intrinsic
 * dimension of datasets by a minimal neighborhood information", Scientific Reports 7, 2017;
 * METHODS.md section 5). For each point, {@code mu = r2 / r1} with r1, r2 the distances to its
 * first and second nearest neighbours; on a locally uniform d-dimensional set mu follows the
 * Pareto law {@code F(mu) = 1 - mu^-d}, so {@code -log(1 - F(mu)) = d log mu}. With the points
 * sorted by mu and the empirical {@code F_i = i / N}, d is the least-squares slope through the
 * origin over the first {@code fitFraction} of them (the largest mu, where the empirical F is
 * noisiest, are discarded).
 */
public final class TwoNn {

    /** Share of the points, smallest mu first, kept in the fit (the paper's 90%). */
    public static final double DEFAULT_FIT_FRACTION = 0.9;

    private TwoNn() {
    }

    /**
     * @param dimension the fitted slope d
     * @param samples   the points given
     * @param fitted    points in the least-squares fit
     * @param dropped   points left out before fitting because {@code r1 = 0} (a duplicate) or
     *                  {@code r1 = r2} (mu = 1 carries no scale information)
     */
    public record Estimate(double dimension, int samples, int fitted, int dropped) {
    }

    /**
     * @param points      {@code [n, features]}, finite, n at least 3
     * @param fitFraction in (0, 1]
     * @throws IllegalArgumentException for too few points, or too few distinct ratios to fit
     */
    public static Estimate estimate(Tensor points, double fitFraction) {
        return estimate(points, fitFraction, KnnSearch.euclidean());
    }

    /** As {@link #estimate(Tensor, double)}, with the given neighbour search. */
    public static Estimate estimate(Tensor points, double fitFraction, KnnSearch search) {
        if (!(fitFraction > 0 && fitFraction <= 1)) {
            throw new IllegalArgumentException("TwoNN fit fraction must lie in (0, 1], got "
                    + fitFraction);
        }
        if (points.rank() != 2 || points.dim(0) < 3) {
            throw new IllegalArgumentException("TwoNN needs [samples, features] with at least 3"
                    + " samples, got shape " + Arrays.toString(points.shape()));
        }
        int n = points.dim(0);
        KnnGraph graph = search.selfGraph(points, 2);
        double[] logMu = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double r1 = graph.distance(i, 0);
            double r2 = graph.distance(i, 1);
            if (r1 > 0 && r2 > r1) {
                logMu[kept++] = Math.log(r2 / r1);
            }
        }
        Arrays.sort(logMu, 0, kept);
        int fitted = (int) Math.floor(fitFraction * kept);
        // F_i = i / N reaches 1 at i = N, where -log(1 - F) is infinite.
        fitted = Math.min(fitted, kept - 1);
        if (fitted < 2) {
            throw new IllegalArgumentException("TwoNN: only " + kept + " of " + n
                    + " points have distinct first and second neighbour distances; too few to"
                    + " fit a dimension");
        }
        double xy = 0;
        double xx = 0;
        for (int i = 0; i < fitted; i++) {
            double x = logMu[i];
            double y = -Math.log1p(-(i + 1.0) / kept);
            xy += x * y;
            xx += x * x;
        }
        return new Estimate(xy / xx, n, fitted, n - kept);
    }
}
