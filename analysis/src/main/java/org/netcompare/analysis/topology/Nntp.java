package org.netcompare.analysis.topology;

import java.util.Arrays;
import java.util.List;
import org.netcompare.engine.knn.KnnGraph;

/**
 * Nearest-neighbour topological persistence (METHODS.md section 4). The undirected edge
 * {i, j} is in layer v when either directed edge i -> j or j -> i is in the kNN graph H_v. An
 * edge is alpha-persistent from layer v_a to v_b when no more than alpha contiguous layers in
 * between lack it; its presences thus split into runs, each ending where more than alpha
 * consecutive layers miss it (or at the last layer). Each run is counted once, in the cell of
 * the layer it starts at and the layer it last appears at.
 */
public final class Nntp {

    private Nntp() {
    }

    /**
     * @param layers layer names in network order, the order runs follow
     * @param alpha  largest tolerated gap of layers lacking an edge; 0 counts only unbroken runs
     */
    public static PersistenceTable table(LayerGraphs graphs, List<String> layers, int k,
            int alpha) {
        if (alpha < 0) {
            throw new IllegalArgumentException("alpha must not be negative, got " + alpha);
        }
        List<KnnGraph> selected = graphs.graphs(layers, k);
        int count = selected.size();
        long[][] edges = new long[count][];
        for (int layer = 0; layer < count; layer++) {
            edges[layer] = undirectedEdges(selected.get(layer));
        }
        long[][] table = new long[count][count];
        int[] next = new int[count];
        boolean[] present = new boolean[count];
        while (true) {
            // The smallest edge key not yet visited in any layer: a k-way merge of sorted lists.
            long key = Long.MAX_VALUE;
            for (int layer = 0; layer < count; layer++) {
                if (next[layer] < edges[layer].length) {
                    key = Math.min(key, edges[layer][next[layer]]);
                }
            }
            if (key == Long.MAX_VALUE) {
                break;
            }
            for (int layer = 0; layer < count; layer++) {
                present[layer] = next[layer] < edges[layer].length
                        && edges[layer][next[layer]] == key;
                if (present[layer]) {
                    next[layer]++;
                }
            }
            countRuns(present, alpha, table);
        }
        return new PersistenceTable(layers, k, alpha, table);
    }

    /** Adds the runs of one edge, given the layers it is present in, to the table. */
    private static void countRuns(boolean[] present, int alpha, long[][] table) {
        int first = -1;
        int last = -1;
        for (int layer = 0; layer < present.length; layer++) {
            if (!present[layer]) {
                continue;
            }
            if (first >= 0 && layer - last - 1 > alpha) {
                table[first][last]++;
                first = -1;
            }
            if (first < 0) {
                first = layer;
            }
            last = layer;
        }
        if (first >= 0) {
            table[first][last]++;
        }
    }

    /**
     * The distinct undirected edges of a graph, each {i, j} with i < j encoded as
     * {@code i * samples + j}, sorted ascending.
     */
    private static long[] undirectedEdges(KnnGraph graph) {
        int samples = graph.rows();
        int k = graph.k();
        long[] keys = new long[samples * k];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < k; j++) {
                int neighbour = graph.neighbour(i, j);
                keys[i * k + j] = (long) Math.min(i, neighbour) * samples + Math.max(i, neighbour);
            }
        }
        Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[distinct++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, distinct);
    }
}
