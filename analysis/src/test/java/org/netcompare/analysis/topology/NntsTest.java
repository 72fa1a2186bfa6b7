package org.netcompare.analysis.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class NntsTest {

    private static final List<String> FOUR = SyntheticLayers.names(4);

    @Test
    void handComputedLineExample() {
        // k = 1 on a line. A = {0, 1, 3, 7}: 0->1, 1->0, 2->1, 3->2.
        // B = {0, 10, 11, 30}: 0->1, 1->2, 2->1, 3->2. Samples 0, 2, 3 agree, sample 1 does not.
        LayerGraphs graphs = SyntheticLayers.line(1, new float[] {0, 1, 3, 7},
                new float[] {0, 10, 11, 30});
        Matrix q = Nnts.similarity(graphs, SyntheticLayers.names(2), 1);
        assertEquals(1.0, q.get(0, 0));
        assertEquals(0.75, q.get(0, 1));
        assertEquals(0.75, q.get(1, 0));
        // k = 2: A 0->{1,2} 1->{0,2} 2->{1,0} 3->{2,1}; B 0->{1,2} 1->{2,0} 2->{1,0} 3->{2,1}.
        LayerGraphs two = SyntheticLayers.line(2, new float[] {0, 1, 3, 7},
                new float[] {0, 10, 11, 30});
        assertEquals(1.0, Nnts.similarity(two, SyntheticLayers.names(2), 2).get(0, 1));
    }

    /** Mean Jaccard index of the neighbour sets, with Java sets. */
    private static double bruteForce(LayerGraphs a, int layerA, LayerGraphs b, int layerB, int k) {
        double sum = 0;
        for (int s = 0; s < a.samples(); s++) {
            Set<Integer> left = new HashSet<>();
            Set<Integer> union = new HashSet<>();
            for (int j : a.graph(layerA, k).neighbours(s)) {
                left.add(j);
                union.add(j);
            }
            Set<Integer> shared = new HashSet<>();
            for (int j : b.graph(layerB, k).neighbours(s)) {
                union.add(j);
                if (left.contains(j)) {
                    shared.add(j);
                }
            }
            sum += (double) shared.size() / union.size();
        }
        return sum / a.samples();
    }

    @Test
    void matrixMatchesSetComputationAndIsSymmetricWithUnitDiagonal() {
        LayerGraphs graphs = SyntheticLayers.graphs(80, 4, 10, 7, SyntheticLayers.identity(80));
        for (int k : new int[] {1, 6, 10}) {
            Matrix q = Nnts.similarity(graphs, FOUR, k);
            for (int a = 0; a < 4; a++) {
                assertEquals(1.0, q.get(a, a));
                for (int b = 0; b < 4; b++) {
                    // Same quotients summed in the same sample order: identical doubles.
                    assertEquals(bruteForce(graphs, a, graphs, b, k), q.get(a, b), "k " + k);
                    assertEquals(q.get(a, b), q.get(b, a));
                }
            }
            assertTrue(q.get(0, 3) < 1, "the random layers must differ, or nothing is tested");
        }
    }

    @Test
    void orderOfTheLayersIsTheOrderGiven() {
        LayerGraphs graphs = SyntheticLayers.graphs(40, 4, 5, 8, SyntheticLayers.identity(40));
        Matrix q = Nnts.similarity(graphs, FOUR, 5);
        Matrix picked = Nnts.similarity(graphs, List.of("layer3", "layer1"), 5);
        assertEquals(q.get(3, 1), picked.get(0, 1));
    }

    @Test
    void acrossTwoNetworksIsRectangularAndMatchesSets() {
        LayerGraphs a = SyntheticLayers.graphs(60, 4, 8, 9, SyntheticLayers.identity(60));
        LayerGraphs b = SyntheticLayers.graphs(60, 3, 8, 10, SyntheticLayers.identity(60));
        Matrix q = Nnts.across(a, FOUR, b, SyntheticLayers.names(3), 8);
        assertEquals(4, q.rows());
        assertEquals(3, q.cols());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(bruteForce(a, i, b, j, 8), q.get(i, j));
            }
        }
        Matrix self = Nnts.across(a, FOUR, a, FOUR, 8);
        Matrix within = Nnts.similarity(a, FOUR, 8);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(within.get(i, j), self.get(i, j));
            }
        }
        LayerGraphs fewer = SyntheticLayers.graphs(50, 3, 8, 10, SyntheticLayers.identity(50));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nnts.across(a, FOUR, fewer, SyntheticLayers.names(3), 8));
        assertEquals("network A has 60 samples but network B has 50: NNTS compares the same samples",
                e.getMessage());
    }

    @Test
    void relabellingTheSamplesChangesNothing() {
        LayerGraphs graphs = SyntheticLayers.graphs(70, 4, 7, 12, SyntheticLayers.identity(70));
        LayerGraphs shuffled = SyntheticLayers.graphs(70, 4, 7, 12,
                SyntheticLayers.permutation(70, 13));
        Matrix q = Nnts.similarity(graphs, FOUR, 7);
        Matrix p = Nnts.similarity(shuffled, FOUR, 7);
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                // The same 70 quotients summed in another order: a few ulps apart at most.
                assertEquals(q.get(a, b), p.get(a, b), 1e-14);
            }
        }
    }
}
