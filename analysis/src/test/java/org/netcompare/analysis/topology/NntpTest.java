package org.netcompare.analysis.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NntpTest {

    @Test
    void handComputedLineExample() {
        // k = 1. Layers 0 and 2: {0, 1, 3, 7} with edges {0,1} {1,2} {2,3}.
        // Layer 1: {0, 100, 1, 50}: 0->2, 1->3, 2->0, 3->2 (49 < 50), edges {0,2} {1,3} {2,3}.
        float[] line = {0, 1, 3, 7};
        LayerGraphs graphs = SyntheticLayers.line(1, line, new float[] {0, 100, 1, 50}, line);
        List<String> names = SyntheticLayers.names(3);
        // alpha = 0: {0,1} and {1,2} break at layer 1 into runs (0,0) and (2,2); {2,3} runs
        // (0,2); {0,2} and {1,3} are transient at layer 1.
        PersistenceTable strict = Nntp.table(graphs, names, 1, 0);
        assertArrayEquals(new long[][] {{2, 0, 1}, {0, 2, 0}, {0, 0, 2}}, strict.counts());
        // alpha = 1 bridges the one-layer gap: three edges persist from layer 0 to layer 2.
        PersistenceTable bridged = Nntp.table(graphs, names, 1, 1);
        assertArrayEquals(new long[][] {{0, 0, 3}, {0, 2, 0}, {0, 0, 0}}, bridged.counts());
        assertEquals(1, bridged.alpha());
        assertEquals(names, bridged.names());
    }

    /** The layers in which undirected edge {i, j} appears. */
    private static boolean[] presence(LayerGraphs graphs, int k, int i, int j) {
        boolean[] present = new boolean[graphs.layers()];
        for (int layer = 0; layer < graphs.layers(); layer++) {
            for (int n : graphs.graph(layer, k).neighbours(i)) {
                present[layer] |= n == j;
            }
            for (int n : graphs.graph(layer, k).neighbours(j)) {
                present[layer] |= n == i;
            }
        }
        return present;
    }

    /**
     * Counts runs by their definition instead of by a scan: (f, l) is a run of an edge when the
     * edge is present at f and l, no gap inside [f, l] exceeds alpha, and the edge is absent
     * from the alpha + 1 layers before f and after l.
     */
    private static long[][] bruteForce(LayerGraphs graphs, int k, int alpha) {
        int layers = graphs.layers();
        long[][] table = new long[layers][layers];
        for (int i = 0; i < graphs.samples(); i++) {
            for (int j = i + 1; j < graphs.samples(); j++) {
                boolean[] present = presence(graphs, k, i, j);
                for (int f = 0; f < layers; f++) {
                    for (int l = f; l < layers; l++) {
                        if (present[f] && present[l] && gapsAtMost(present, f, l, alpha)
                                && absent(present, f - alpha - 1, f - 1)
                                && absent(present, l + 1, l + alpha + 1)) {
                            table[f][l]++;
                        }
                    }
                }
            }
        }
        return table;
    }

    private static boolean gapsAtMost(boolean[] present, int from, int to, int alpha) {
        int gap = 0;
        for (int v = from; v <= to; v++) {
            gap = present[v] ? 0 : gap + 1;
            if (gap > alpha) {
                return false;
            }
        }
        return true;
    }

    private static boolean absent(boolean[] present, int from, int to) {
        for (int v = Math.max(from, 0); v <= Math.min(to, present.length - 1); v++) {
            if (present[v]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void tableMatchesTheDefinitionOnRandomLayers() {
        LayerGraphs graphs = SyntheticLayers.graphs(40, 6, 4, 21, SyntheticLayers.identity(40));
        List<String> names = SyntheticLayers.names(6);
        for (int alpha = 0; alpha <= 2; alpha++) {
            long[][] table = Nntp.table(graphs, names, 4, alpha).counts();
            assertArrayEquals(bruteForce(graphs, 4, alpha), table, "alpha " + alpha);
            for (int f = 0; f < 6; f++) {
                for (int l = 0; l < f; l++) {
                    assertEquals(0, table[f][l]);
                }
            }
        }
    }

    @Test
    void withGapsAsLongAsTheNetworkEveryEdgeIsOneRun() {
        LayerGraphs graphs = SyntheticLayers.graphs(50, 5, 3, 22, SyntheticLayers.identity(50));
        Set<List<Integer>> union = new HashSet<>();
        for (int layer = 0; layer < 5; layer++) {
            for (int i = 0; i < 50; i++) {
                for (int j : graphs.graph(layer, 3).neighbours(i)) {
                    union.add(List.of(Math.min(i, j), Math.max(i, j)));
                }
            }
        }
        long total = 0;
        for (long[] row : Nntp.table(graphs, SyntheticLayers.names(5), 3, 3).counts()) {
            for (long cell : row) {
                total += cell;
            }
        }
        assertEquals(union.size(), total);
    }

    @Test
    void relabellingTheSamplesChangesNothing() {
        List<String> names = SyntheticLayers.names(5);
        long[][] table = Nntp.table(
                SyntheticLayers.graphs(60, 5, 5, 23, SyntheticLayers.identity(60)), names, 5, 1)
                .counts();
        long[][] shuffled = Nntp.table(
                SyntheticLayers.graphs(60, 5, 5, 23, SyntheticLayers.permutation(60, 24)), names,
                5, 1).counts();
        assertArrayEquals(table, shuffled);
    }

    @Test
    void negativeAlphaIsRefused() {
        LayerGraphs graphs = SyntheticLayers.graphs(10, 2, 2, 25, SyntheticLayers.identity(10));
        List<String> names = new ArrayList<>(SyntheticLayers.names(2));
        assertThrows(IllegalArgumentException.class, () -> Nntp.table(graphs, names, 2, -1));
    }
}
