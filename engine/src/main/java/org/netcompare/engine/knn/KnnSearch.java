package org.netcompare.engine.knn;

import java.util.concurrent.atomic.AtomicInteger;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

/**
 * Exact k-nearest-neighbour search under the Euclidean or the cosine distance ({@link Metric}),
 * the neighbourhood graphs that nearest-neighbour topology (METHODS.md section 4) compares.
 *
 * <p>"Nearest" is defined by the float64 squared distance {@code sum_c (x_c - y_c)^2} of the
 * float32 points, with equal distances broken by lower index; the result equals exhaustive search
 * under that order, at GEMM speed:
 * <ol>
 * <li>Both point sets are shifted by the base points' mean and scaled by a power of two
 * ({@code ScreeningCopy}), which leaves the order unchanged and removes the common offset that
 * makes the expansion cancel.</li>
 * <li>Row tiles of queries meet all base points in one float32 {@link Sgemm} call each, giving
 * the screening value {@code |q|^2 + |b|^2 - 2 q.b} of every pair; a self-graph whose Gram
 * matrix fits the budget computes it whole, by symmetry, at half the GEMM work.</li>
 * <li>That value is within a proven error bound E of the float64 distance
 * ({@code ScreeningBound}, from the float32 dot-product error and the rounding of the copy;
 * E is taken for the query against the longest base row, the worst case of its row). With t
 * the k-th smallest screening value of the row, k points have float64 distance at most
 * {@code t + E}, so every true neighbour, ties included, has screening value at most
 * {@code t + 2E}. Exactly those candidates are re-ranked by their float64 distance; nothing
 * else can be among the k nearest, hence the result is exact, not approximate. Points whose
 * float32 separation is lost to cancellation simply all become candidates.</li>
 * </ol>
 * The cosine distance {@code 1 - cos(x, y)} is half the squared Euclidean distance of the rows
 * normalised to unit length, so it is searched as above on those rows, normalised in float64
 * before the screening copy is made: "nearest" is then the float64 value
 * {@code |x/|x| - y/|y||^2 / 2} (within a few float64 units of round-off, times d, of
 * {@code 1 - x.y / (|x| |y|)}), the bound and the argument hold unchanged for those rows, and the
 * result is again exact. Rows that are positive multiples of each other normalise alike (exactly
 * so for power-of-two factors) and are at distance 0; a zero row is refused.
 *
 * <p>Tiles run in parallel ({@link Parallelism}), sized so that all the search allocates stays
 * within the memory budget; the budget is checked before allocating.
 */
public final class KnnSearch {

    private final Metric metric;
    private final long memoryBudget;

    private KnnSearch(Metric metric, long memoryBudget) {
        this.metric = metric;
        this.memoryBudget = memoryBudget;
    }

    /** Search under {@code metric} allowed half of the JVM's maximum heap. */
    public static KnnSearch of(Metric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        return new KnnSearch(metric, Runtime.getRuntime().maxMemory() / 2);
    }

    /** Euclidean search allowed half of the JVM's maximum heap. */
    public static KnnSearch euclidean() {
        return of(Metric.EUCLIDEAN);
    }

    /** Cosine-distance search allowed half of the JVM's maximum heap; zero rows are refused. */
    public static KnnSearch cosine() {
        return of(Metric.COSINE);
    }

    /**
     * The same search allowed at most {@code bytes} of working memory: the screening copies of
     * the points (and, for the cosine distance, their float64 unit rows), the result, and the
     * tiles of screening values (the callers' tensors are not counted). A smaller budget means
     * smaller tiles, never a different result.
     */
    public KnnSearch withMemoryBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive, got " + bytes);
        }
        return new KnnSearch(metric, bytes);
    }

    /** The distance neighbours are ranked by. */
    public Metric metric() {
        return metric;
    }

    /** Working memory the search may allocate, in bytes. */
    public long memoryBudget() {
        return memoryBudget;
    }

    /**
     * The k nearest other points of each point.
     *
     * @param points {@code [n, d]}, finite
     * @param k      neighbours per point, {@code 0 <= k < n}
     * @return a graph of n rows with distances under {@link #metric()}; a point is never its own
     *         neighbour, though a duplicate of it is
     */
    public KnnGraph selfGraph(Tensor points, int k) {
        PointSet set = PointSet.of(points, "points");
        checkK(k);
        if (k > 0 && k >= set.rows()) {
            throw new IllegalArgumentException("k = " + k + " but only " + set.rows()
                    + " points: k must be below the number of points");
        }
        return run(set, set, k, true);
    }

    /**
     * The k nearest base points of each query.
     *
     * @param queries {@code [n, d]}, finite
     * @param base    {@code [m, d]}, finite
     * @param k       neighbours per query, {@code 0 <= k <= m}
     * @return a graph of n rows whose neighbour indices are rows of {@code base}, with
     *         distances under {@link #metric()}
     */
    public KnnGraph search(Tensor queries, Tensor base, int k) {
        PointSet q = PointSet.of(queries, "queries");
        PointSet b = PointSet.of(base, "base points");
        if (q.cols() != b.cols()) {
            throw new IllegalArgumentException("queries have " + q.cols()
                    + " features but the base points have " + b.cols());
        }
        checkK(k);
        if (k > b.rows()) {
            throw new IllegalArgumentException("k = " + k + " but only " + b.rows()
                    + " base points: k must not exceed the number of base points");
        }
        return run(q, b, k, false);
    }

    private static void checkK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, got " + k);
        }
    }

    private KnnGraph run(PointSet given, PointSet givenBase, int k, boolean self) {
        int n = given.rows();
        int m = givenBase.rows();
        int d = givenBase.cols();
        long entries = (long) n * k;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " points x k = " + k
                    + " neighbours exceed the 2^31 entries one graph array can hold");
        }
        if (entries == 0) {
            return new KnnGraph(n, k, new int[0], new double[0]);
        }
        long copies = ScreeningCopy.bytes(m, d) + (self ? 0 : ScreeningCopy.bytes(n, d));
        if (metric == Metric.COSINE) {
            copies += PointSet.normalisedBytes(m, d) + (self ? 0 : PointSet.normalisedBytes(n, d));
        }
        long fixed = copies + entries * (Integer.BYTES + Double.BYTES);
        TilePlan plan = TilePlan.fit(memoryBudget, fixed, n, m, d, k, self,
                Parallelism.threads());
        // The rows whose float64 Euclidean order is searched (see the class comment for cosine).
        PointSet base = metric == Metric.COSINE ? givenBase.normalised() : givenBase;
        PointSet queries = self ? base : metric == Metric.COSINE ? given.normalised() : given;

        double[] centre = base.columnMeans();
        double largest = base.largestNormAround(centre);
        if (!self) {
            largest = Math.max(largest, queries.largestNormAround(centre));
        }
        double scale = ScreeningCopy.scaleFor(largest);
        ScreeningCopy baseCopy = new ScreeningCopy(base, centre, scale);
        ScreeningCopy queryCopy = self ? baseCopy : new ScreeningCopy(queries, centre, scale);
        ScreeningBound bound = new ScreeningBound(d);
        int[] indices = new int[(int) entries];
        double[] distances = new double[(int) entries];

        float[] gram = plan.symmetric ? SymmetricGram.compute(baseCopy, plan.rowsPerTile) : null;
        AtomicInteger nextTile = new AtomicInteger();
        Parallelism.forEach(plan.workers, worker -> {
            float[] dots = gram != null ? gram : new float[plan.rowsPerTile * m];
            RowRanker ranker = new RowRanker(queries, base, queryCopy, baseCopy, bound, metric, self,
                    k);
            // Workers take tiles as they free up, so a worker slowed down does not hold back the rest.
            for (int tile = nextTile.getAndIncrement(); tile < plan.tiles;
                    tile = nextTile.getAndIncrement()) {
                int first = tile * plan.rowsPerTile;
                int rows = Math.min(plan.rowsPerTile, n - first);
                int at = gram != null ? first * m : 0;
                if (gram == null && d > 0) {
                    Sgemm.gemm(false, true, rows, m, d, 1f, queryCopy.values, first * d, d,
                            baseCopy.values, 0, d, 0f, dots, 0, m);
                }
                for (int r = 0; r < rows; r++) {
                    ranker.rank(first + r, dots, at + r * m, indices, distances);
                }
            }
        });
        return new KnnGraph(n, k, indices, distances);
    }
}
