package org.netcompare.engine.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

class CosineKnnTest {

    private static final KnnSearch COSINE = KnnSearch.cosine();

    /**
     * Distances agree with the textbook 1 - x.y / (|x| |y|) to this absolute tolerance: both are
     * float64 evaluations of the same quantity, each off by a few units of 2^-53 times d (d <= 40
     * here, so below 1e-14).
     */
    private static final double TOLERANCE = 1e-12;

    private static float[][] gaussian(int n, int d, long seed) {
        Random random = new Random(seed);
        float[][] points = new float[n][d];
        for (float[] point : points) {
            for (int c = 0; c < d; c++) {
                point[c] = (float) random.nextGaussian();
            }
        }
        return points;
    }

    private static Tensor tensor(float[][] points) {
        int d = points[0].length;
        float[] flat = new float[points.length * d];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return Tensor.wrap(flat, points.length, d);
    }

    /** Textbook cosine distance, in float64. */
    private static double cosineDistance(float[] x, float[] y) {
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int c = 0; c < x.length; c++) {
            dot += (double) x[c] * y[c];
            xx += (double) x[c] * x[c];
            yy += (double) y[c] * y[c];
        }
        return 1 - dot / (Math.sqrt(xx) * Math.sqrt(yy));
    }

    /**
     * Checks a graph against exhaustive search by the textbook cosine distance: row q's j-th
     * distance equals the j-th smallest reference distance, the neighbour listed there has that
     * reference distance, neighbours are distinct and never q itself (self-graph), and within a
     * group of reference distances closer than the tolerance, indices rise (ties go to the lower
     * index).
     */
    private static void assertExhaustive(float[][] queries, float[][] base, boolean self,
            KnnGraph graph, int k) {
        for (int q = 0; q < queries.length; q++) {
            double[] all = new double[base.length];
            for (int b = 0; b < base.length; b++) {
                all[b] = cosineDistance(queries[q], base[b]);
            }
            int skip = self ? q : -1;
            double[] sorted = IntStream.range(0, base.length)
                    .filter(b -> b != skip).mapToDouble(b -> all[b]).sorted().toArray();
            int[] neighbours = graph.neighbours(q);
            assertEquals(k, neighbours.length);
            assertEquals(k, Arrays.stream(neighbours).distinct().count(), "row " + q);
            for (int j = 0; j < k; j++) {
                int b = neighbours[j];
                assertTrue(b != skip, "row " + q + " lists itself");
                assertEquals(sorted[j], graph.distance(q, j), TOLERANCE, "row " + q + " #" + j);
                assertEquals(sorted[j], all[b], TOLERANCE, "row " + q + " #" + j);
                if (j > 0 && Math.abs(all[b] - all[neighbours[j - 1]]) <= TOLERANCE) {
                    assertTrue(b > neighbours[j - 1] || graph.distance(q, j) > graph.distance(q, j - 1),
                            "row " + q + ": tie at #" + j + " not broken by lower index");
                }
            }
        }
    }

    @Test
    void selfGraphMatchesExhaustiveCosineSearch() {
        for (int[] shape : new int[][] {{2, 1, 1}, {57, 5, 4}, {300, 40, 15}}) {
            float[][] points = gaussian(shape[0], shape[1], 11 + shape[0]);
            assertExhaustive(points, points, true, COSINE.selfGraph(tensor(points), shape[2]),
                    shape[2]);
        }
    }

    @Test
    void narrowConeWhereFloat32CannotSeparateDirectionsIsExact() {
        // Directions within about 1e-4 rad of one axis: cosine distances near 1e-9, separated
        // by less than float32 resolves on the normalised rows, so the float64 re-rank decides.
        float[][] points = gaussian(200, 8, 21);
        for (float[] point : points) {
            for (int c = 0; c < point.length; c++) {
                point[c] = (c == 0 ? 1000f : 0f) + 0.1f * point[c];
            }
        }
        assertExhaustive(points, points, true, COSINE.selfGraph(tensor(points), 6), 6);
    }

    @Test
    void searchAgainstAnotherSetMatchesExhaustiveCosineSearch() {
        float[][] queries = gaussian(40, 12, 3);
        float[][] base = gaussian(150, 12, 4);
        assertExhaustive(queries, base, false,
                COSINE.withMemoryBudget(64 * 1024).search(tensor(queries), tensor(base), 9), 9);
    }

    @Test
    void positiveMultiplesAreAtDistanceZeroAndTiesGoToTheLowerIndex() {
        // Rows 0..19 random; row 20 + i is row i times a power of two (normalises bit-identically,
        // so the distance is exactly 0 and the tie is exact), row 40 + i is row i times 3.7.
        float[][] seed = gaussian(20, 6, 7);
        float[][] points = new float[60][];
        float[] powers = {2f, 0.5f, 8f, 0.125f};
        for (int i = 0; i < 20; i++) {
            points[i] = seed[i];
            points[20 + i] = new float[6];
            points[40 + i] = new float[6];
            for (int c = 0; c < 6; c++) {
                points[20 + i][c] = seed[i][c] * powers[i % 4];
                points[40 + i][c] = seed[i][c] * 3.7f;
            }
        }
        KnnGraph graph = COSINE.selfGraph(tensor(points), 2);
        assertExhaustive(points, points, true, graph, 2);
        for (int i = 0; i < 20; i++) {
            // Row i and its power-of-two copy meet at exactly 0; the x3.7 copy is within rounding.
            assertEquals(20 + i, graph.neighbour(i, 0), "row " + i);
            assertEquals(0.0, graph.distance(i, 0), "row " + i);
            assertEquals(40 + i, graph.neighbour(i, 1), "row " + i);
            assertEquals(0.0, graph.distance(i, 1), TOLERANCE);
            // For the copy, row i (lower index) comes before the x3.7 copy.
            assertArrayEquals(new int[] {i, 40 + i}, graph.neighbours(20 + i), "row " + (20 + i));
            assertEquals(0.0, graph.distance(20 + i, 0));
        }
    }

    @Test
    void distancesAreOneMinusCosineOnAKnownExample() {
        // Unit axes and their diagonal: cos 0, cos 45 degrees, cos 90 degrees, cos 180 degrees.
        float[][] points = {{1, 0}, {3, 3}, {0, 5}, {-2, 0}};
        KnnGraph graph = COSINE.selfGraph(tensor(points), 3);
        assertArrayEquals(new int[] {1, 2, 3}, graph.neighbours(0));
        assertEquals(1 - Math.sqrt(0.5), graph.distance(0, 0), 1e-15);
        assertEquals(1.0, graph.distance(0, 1), 1e-15);
        assertEquals(2.0, graph.distance(0, 2), 1e-15);
    }

    @Test
    void euclideanOrderDiffersWhereLengthsDo() {
        // (1, 0) is Euclidean-nearer to (0.1, 0.1) but cosine-nearer to (10, 1).
        float[][] points = {{1, 0}, {0.1f, 0.1f}, {10, 1}};
        assertEquals(1, KnnSearch.euclidean().selfGraph(tensor(points), 1).neighbour(0, 0));
        assertEquals(2, COSINE.selfGraph(tensor(points), 1).neighbour(0, 0));
        assertEquals(Metric.COSINE, COSINE.metric());
        assertEquals(Metric.COSINE, COSINE.withMemoryBudget(1 << 20).metric());
        assertEquals(Metric.EUCLIDEAN, KnnSearch.euclidean().metric());
    }

    @Test
    void zeroRowIsRefusedNamingTheRow() {
        float[][] points = gaussian(5, 3, 1);
        points[3] = new float[3];
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> COSINE.selfGraph(tensor(points), 2));
        assertEquals("points row 3 is zero: the cosine distance is undefined for it",
                error.getMessage());
        float[][] base = gaussian(4, 3, 2);
        base[0] = new float[3];
        IllegalArgumentException baseError = assertThrows(IllegalArgumentException.class,
                () -> COSINE.search(tensor(gaussian(2, 3, 5)), tensor(base), 1));
        assertEquals("base points row 0 is zero: the cosine distance is undefined for it",
                baseError.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KnnSearch.of(null));
    }
}
