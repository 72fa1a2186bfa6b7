package org.netcompare.analysis.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netcompare.engine.knn.KnnGraph;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.parallel.Parallelism;

/**
 * Nearest-neighbour topological similarity (METHODS.md section 4): for layers a and b,
 * {@code Q(H_a, H_b) = mean over samples x of |K_a(x) & K_b(x)| / |K_a(x) | K_b(x)|}, the
 * intersection over union of the k-neighbour index sets of x in the two layers' kNN graphs.
 * Q is 1 when the neighbourhoods agree everywhere and 0 when they share no neighbour.
 */
public final class Nnts {

    private Nnts() {
    }

    /**
     * The similarity of every pair of the named layers of one network.
     *
     * @return a square matrix, row and column order = {@code layers}, symmetric with ones on the
     *         diagonal
     */
    public static Matrix similarity(LayerGraphs graphs, List<String> layers, int k) {
        int[][] sets = sortedNeighbourSets(graphs.graphs(layers, k));
        int count = sets.length;
        Matrix result = Matrix.identity(count);
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        Parallelism.forEach(pairs.size(), p -> {
            int a = pairs.get(p)[0];
            int b = pairs.get(p)[1];
            double q = meanIntersectionOverUnion(sets[a], sets[b], k);
            result.set(a, b, q);
            result.set(b, a, q);
        });
        return result;
    }

    /**
     * The similarity of every layer of network A (rows) with every layer of network B
     * (columns), over the same samples in the same order.
     */
    public static Matrix across(LayerGraphs graphsA, List<String> layersA, LayerGraphs graphsB,
            List<String> layersB, int k) {
        if (graphsA.samples() != graphsB.samples()) {
            throw new IllegalArgumentException("network A has " + graphsA.samples()
                    + " samples but network B has " + graphsB.samples()
                    + ": NNTS compares the same samples");
        }
        int[][] setsA = sortedNeighbourSets(graphsA.graphs(layersA, k));
        int[][] setsB = sortedNeighbourSets(graphsB.graphs(layersB, k));
        Matrix result = Matrix.zeros(setsA.length, setsB.length);
        Parallelism.forEach(setsA.length * setsB.length, p -> {
            int a = p / setsB.length;
            int b = p % setsB.length;
            result.set(a, b, meanIntersectionOverUnion(setsA[a], setsB[b], k));
        });
        return result;
    }

    /** Each graph's neighbour indices with every row sorted ascending, {@code [samples * k]}. */
    private static int[][] sortedNeighbourSets(List<KnnGraph> graphs) {
        int[][] sets = new int[graphs.size()][];
        for (int layer = 0; layer < sets.length; layer++) {
            KnnGraph graph = graphs.get(layer);
            int[] indices = graph.indices();
            for (int row = 0; row < graph.rows(); row++) {
                Arrays.sort(indices, row * graph.k(), (row + 1) * graph.k());
            }
            sets[layer] = indices;
        }
        return sets;
    }

    /** Mean over samples of |A & B| / |A | B|, with |A | B| = 2k - |A & B| for two k-sets. */
    private static double meanIntersectionOverUnion(int[] a, int[] b, int k) {
        int samples = a.length / k;
        double sum = 0;
        for (int row = 0; row < samples; row++) {
            int i = row * k;
            int j = row * k;
            int end = i + k;
            int shared = 0;
            while (i < end && j < end) {
                if (a[i] < b[j]) {
                    i++;
                } else if (a[i] > b[j]) {
                    j++;
                } else {
                    shared++;
                    i++;
                    j++;
                }
            }
            sum += (double) shared / (2 * k - shared);
        }
        return sum / samples;
    }
}
