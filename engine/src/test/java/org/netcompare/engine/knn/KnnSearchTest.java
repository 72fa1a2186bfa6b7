package org.netcompare.engine.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

class KnnSearchTest {

    private static final KnnSearch SEARCH = KnnSearch.euclidean();

    private static float[][] gaussian(int n, int d, double centre, double spread, long seed) {
        Random random = new Random(seed);
        float[][] points = new float[n][d];
        for (float[] point : points) {
            for (int c = 0; c < d; c++) {
                point[c] = (float) (centre + spread * random.nextGaussian());
            }
        }
        return points;
    }

    private static Tensor tensor(float[][] points) {
        int d = points.length == 0 ? 0 : points[0].length;
        float[] flat = new float[points.length * d];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return Tensor.wrap(flat, points.length, d);
    }

    /** Exact agreement, distances included: both evaluate the same float64 expression. */
    private static void assertSameAs(BruteForceKnn expected, KnnGraph graph) {
        assertEquals(expected.indices.length, graph.rows());
        for (int i = 0; i < graph.rows(); i++) {
            assertArrayEquals(expected.indices[i], graph.neighbours(i), "row " + i);
            for (int j = 0; j < graph.k(); j++) {
                assertEquals(expected.distances[i][j], graph.distance(i, j), "row " + i);
            }
        }
    }

    @Test
    void selfGraphMatchesBruteForceOnRandomPoints() {
        for (int[] shape : new int[][] {{1, 3, 0}, {2, 1, 1}, {57, 5, 4}, {200, 31, 15}}) {
            float[][] points = gaussian(shape[0], shape[1], 0, 1, shape[0]);
            KnnGraph graph = SEARCH.selfGraph(tensor(points), shape[2]);
            assertEquals(shape[2], graph.k());
            assertSameAs(new BruteForceKnn(points, points, shape[2], true), graph);
        }
    }

    @Test
    void duplicatesAndTiedDistancesGoToTheLowerIndex() {
        // Integer coordinates on a small grid: many exactly equal distances and repeated points.
        Random random = new Random(3);
        float[][] points = new float[150][4];
        for (float[] point : points) {
            for (int c = 0; c < point.length; c++) {
                point[c] = random.nextInt(3);
            }
        }
        points[149] = points[0].clone();
        points[77] = points[0].clone();
        KnnGraph graph = SEARCH.selfGraph(tensor(points), 20);
        assertSameAs(new BruteForceKnn(points, points, 20, true), graph);
        // Point 0's duplicates are its nearest, at distance 0, the lower index first.
        assertEquals(0.0, graph.distance(0, 0));
        assertTrue(graph.neighbour(0, 0) < graph.neighbour(0, 1));
    }

    @Test
    void cancellationOfTheFloat32ExpansionDoesNotChangeTheResult() {
        // Two tight clusters at +-1e4: centring cannot remove the offset, separations are a few
        // float32 ulps (1e4 has an ulp of 2^-10), so |q|^2 + |b|^2 - 2 q.b in float32 is noise.
        // All 110 points of a cluster stay candidates, more than the first candidate buffer holds.
        float[][] points = new float[220][16];
        float[][] plus = gaussian(110, 16, 1e4, 3e-3, 11);
        float[][] minus = gaussian(110, 16, -1e4, 3e-3, 12);
        for (int i = 0; i < 110; i++) {
            points[2 * i] = plus[i];
            points[2 * i + 1] = minus[i];
        }
        BruteForceKnn expected = new BruteForceKnn(points, points, 7, true);
        assertFalse(naiveFloat32AgreesWith(expected, points, 7),
                "the data must defeat the plain float32 expansion, or the test proves nothing");
        assertSameAs(expected, SEARCH.selfGraph(tensor(points), 7));
    }

    /** Whether ranking by the uncentred float32 expansion reproduces the exact neighbours. */
    private static boolean naiveFloat32AgreesWith(BruteForceKnn expected, float[][] points, int k) {
        int n = points.length;
        for (int q = 0; q < n; q++) {
            float[] value = new float[n];
            for (int b = 0; b < n; b++) {
                float qq = 0;
                float bb = 0;
                float qb = 0;
                for (int c = 0; c < points[q].length; c++) {
                    qq += points[q][c] * points[q][c];
                    bb += points[b][c] * points[b][c];
                    qb += points[q][c] * points[b][c];
                }
                value[b] = qq + bb - 2 * qb;
            }
            int self = q;
            int[] naive = java.util.stream.IntStream.range(0, n).boxed()
                    .filter(b -> b != self)
                    .sorted(java.util.Comparator.<Integer>comparingDouble(b -> value[b])
                            .thenComparingInt(b -> b))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            if (!Arrays.equals(naive, expected.indices[q])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void oneClusterFarFromTheOriginIsExact() {
        float[][] points = gaussian(100, 8, 1e4, 1e-2, 5);
        assertSameAs(new BruteForceKnn(points, points, 9, true), SEARCH.selfGraph(tensor(points), 9));
    }

    @Test
    void tinyMemoryBudgetGivesTheSameGraphThroughManyTiles() {
        float[][] points = gaussian(90, 12, 0, 1, 8);
        // The default budget holds the whole symmetric Gram matrix; the tiny ones cannot.
        KnnGraph whole = SEARCH.selfGraph(tensor(points), 6);
        assertSameAs(new BruteForceKnn(points, points, 6, true), whole);
        // Copies 90*12*4 + 90*16, result 90*6*12; per worker one row of 90 floats, two heaps and
        // a candidate buffer of up to 90 ints.
        long minimum = 90 * 12 * 4 + 90 * 16 + 90 * 6 * 12 + 90 * 4 + 2 * 6 * 12 + 90 * 4;
        KnnGraph tiled = SEARCH.withMemoryBudget(minimum).selfGraph(tensor(points), 6);
        assertArrayEquals(whole.indices(), tiled.indices());
        assertArrayEquals(whole.distances(), tiled.distances());
        int threads = Parallelism.threads();
        try {
            Parallelism.setThreads(3);
            KnnGraph parallel = SEARCH.withMemoryBudget(minimum + 5_000).selfGraph(tensor(points), 6);
            assertArrayEquals(whole.indices(), parallel.indices());
        } finally {
            Parallelism.setThreads(threads);
        }
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> SEARCH.withMemoryBudget(minimum - 1).selfGraph(tensor(points), 6));
        assertTrue(tooSmall.getMessage().contains("needs at least"), tooSmall.getMessage());
    }

    @Test
    void largestKListsEveryOtherPointInOrder() {
        float[][] points = gaussian(40, 3, 0, 1, 9);
        KnnGraph graph = SEARCH.selfGraph(tensor(points), 39);
        assertSameAs(new BruteForceKnn(points, points, 39, true), graph);
        for (int i = 0; i < 40; i++) {
            int[] sorted = graph.neighbours(i);
            Arrays.sort(sorted);
            int self = i;
            int[] others = java.util.stream.IntStream.range(0, 40).filter(j -> j != self).toArray();
            assertArrayEquals(others, sorted);
        }
    }

    @Test
    void searchAgainstAnotherSetKeepsExactMatches() {
        float[][] base = gaussian(80, 6, 2, 1, 21);
        float[][] queries = gaussian(33, 6, 0, 2, 22);
        queries[4] = base[17].clone();
        KnnGraph graph = SEARCH.search(tensor(queries), tensor(base), 80);
        assertSameAs(new BruteForceKnn(queries, base, 80, false), graph);
        assertEquals(17, graph.neighbour(4, 0));
        assertEquals(0.0, graph.distance(4, 0));
    }

    @Test
    void prefixIsTheGraphOfTheSmallerK() {
        float[][] points = gaussian(70, 5, 0, 1, 4);
        KnnGraph big = SEARCH.selfGraph(tensor(points), 20);
        KnnGraph small = SEARCH.selfGraph(tensor(points), 7);
        assertArrayEquals(small.indices(), big.prefix(7).indices());
        assertArrayEquals(small.distances(), big.prefix(7).distances());
        assertEquals(0, big.prefix(0).k());
        assertThrows(IllegalArgumentException.class, () -> big.prefix(21));
    }

    @Test
    void stridedViewsAreReadAsTheirElements() {
        float[][] points = gaussian(30, 4, 0, 1, 6);
        Tensor transposed = tensor(points).transpose(0, 1).contiguous().transpose(0, 1);
        assertFalse(transposed.isContiguous());
        assertSameAs(new BruteForceKnn(points, points, 5, true), SEARCH.selfGraph(transposed, 5));
    }

    @Test
    void emptyAndFeaturelessPoints() {
        KnnGraph none = SEARCH.selfGraph(Tensor.zeros(0, 3), 0);
        assertEquals(0, none.rows());
        KnnGraph zeroK = SEARCH.selfGraph(Tensor.zeros(4, 3), 0);
        assertEquals(4, zeroK.rows());
        assertEquals(0, zeroK.k());
        // Without features all points coincide: the neighbours are the lowest other indices.
        KnnGraph featureless = SEARCH.selfGraph(Tensor.zeros(5, 0), 3);
        assertArrayEquals(new int[] {1, 2, 3}, featureless.neighbours(0));
        assertArrayEquals(new int[] {0, 1, 3}, featureless.neighbours(2));
        assertEquals(0.0, featureless.distance(4, 2));
        assertEquals(0, SEARCH.search(Tensor.zeros(0, 2), Tensor.zeros(3, 2), 2).rows());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> SEARCH.selfGraph(Tensor.zeros(10, 2), 10));
        assertEquals("k = 10 but only 10 points: k must be below the number of points",
                tooMany.getMessage());
        IllegalArgumentException tooManyBase = assertThrows(IllegalArgumentException.class,
                () -> SEARCH.search(Tensor.zeros(2, 2), Tensor.zeros(3, 2), 4));
        assertEquals("k = 4 but only 3 base points: k must not exceed the number of base points",
                tooManyBase.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SEARCH.selfGraph(Tensor.zeros(3, 2), -1));
        assertThrows(IllegalArgumentException.class, () -> SEARCH.selfGraph(Tensor.zeros(0, 2), 1));
        assertThrows(IllegalArgumentException.class, () -> SEARCH.selfGraph(Tensor.zeros(6), 1));
        IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
                () -> SEARCH.search(Tensor.zeros(2, 3), Tensor.zeros(3, 2), 1));
        assertEquals("queries have 3 features but the base points have 2", features.getMessage());
        float[] data = new float[12];
        data[7] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> SEARCH.selfGraph(Tensor.wrap(data, 4, 3), 1));
        assertEquals("points row 2 holds NaN at column 1: points must be finite", nan.getMessage());
        data[7] = Float.NEGATIVE_INFINITY;
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> SEARCH.search(Tensor.zeros(1, 3), Tensor.wrap(data, 4, 3), 1));
        assertTrue(inf.getMessage().startsWith("base points row 2 holds -Infinity"), inf.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SEARCH.withMemoryBudget(0));
    }
}
