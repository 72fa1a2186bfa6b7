package org.netcompare.analysis.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.tensor.Tensor;

class LayerGraphsTest {

    private static final KnnSearch SEARCH = KnnSearch.euclidean();

    @Test
    void smallerKIsTheSearchAtThatK() {
        List<Tensor> acts = SyntheticLayers.activations(50, 3, 1, SyntheticLayers.identity(50));
        LayerGraphs graphs = LayerGraphs.compute(SyntheticLayers.names(3), acts, 12, SEARCH);
        assertEquals(50, graphs.samples());
        assertEquals(12, graphs.maxK());
        for (int layer = 0; layer < 3; layer++) {
            assertArrayEquals(SEARCH.selfGraph(acts.get(layer), 4).indices(),
                    graphs.graph(layer, 4).indices());
        }
        assertEquals(2, graphs.indexOf("layer2"));
    }

    @Test
    void wrappedGraphsActAsComputedOnes() {
        List<Tensor> acts = SyntheticLayers.activations(40, 2, 1, SyntheticLayers.identity(40));
        LayerGraphs computed = LayerGraphs.compute(SyntheticLayers.names(2), acts, 6, SEARCH);
        LayerGraphs wrapped = LayerGraphs.of(SyntheticLayers.names(2),
                List.of(SEARCH.selfGraph(acts.get(0), 6), SEARCH.selfGraph(acts.get(1), 6)));
        assertEquals(computed.samples(), wrapped.samples());
        assertEquals(computed.maxK(), wrapped.maxK());
        for (int layer = 0; layer < 2; layer++) {
            assertArrayEquals(computed.graph(layer, 3).indices(), wrapped.graph(layer, 3).indices());
        }
        assertThrows(IllegalArgumentException.class, () -> LayerGraphs.of(
                SyntheticLayers.names(2),
                List.of(SEARCH.selfGraph(acts.get(0), 6), SEARCH.selfGraph(acts.get(1), 5))));
        assertThrows(IllegalArgumentException.class,
                () -> LayerGraphs.of(List.of(), List.of()));
    }

    @Test
    void featuresOfEachSampleAreFlattened() {
        Tensor image = SyntheticLayers.activations(30, 1, 2, SyntheticLayers.identity(30)).get(0)
                .reshape(30, 2, 3);
        LayerGraphs graphs = LayerGraphs.compute(List.of("conv"), List.of(image), 5, SEARCH);
        assertArrayEquals(SEARCH.selfGraph(image.reshape(30, 6), 5).indices(),
                graphs.graph(0, 5).indices());
    }

    @Test
    void rotatingScalingAndShiftingALayerKeepsItsGraph() {
        // A similarity transform preserves the order of distances; float32 rounding moves them
        // by ~1e-6 relative, far below the gaps between neighbours of these 60 seeded points.
        Tensor points = SyntheticLayers.activations(60, 1, 3, SyntheticLayers.identity(60)).get(0);
        Random random = new Random(4);
        double[] v = new double[6];
        double norm = 0;
        for (int c = 0; c < 6; c++) {
            v[c] = random.nextGaussian();
            norm += v[c] * v[c];
        }
        float[] moved = new float[60 * 6];
        for (int s = 0; s < 60; s++) {
            double dot = 0;
            for (int c = 0; c < 6; c++) {
                dot += v[c] * points.get(s, c);
            }
            for (int c = 0; c < 6; c++) {
                // Householder reflection I - 2 v v^T / |v|^2, then scale 3.7 and shift.
                double reflected = points.get(s, c) - 2 * v[c] * dot / norm;
                moved[s * 6 + c] = (float) (3.7 * reflected + 10 * c);
            }
        }
        LayerGraphs graphs = LayerGraphs.compute(List.of("a", "b"),
                List.of(points, Tensor.wrap(moved, 60, 6)), 10, SEARCH);
        assertArrayEquals(graphs.graph(0, 10).indices(), graphs.graph(1, 10).indices());
    }

    @Test
    void inconsistentLayersAreRefused() {
        IllegalArgumentException samples = assertThrows(IllegalArgumentException.class,
                () -> LayerGraphs.compute(List.of("a", "b"),
                        List.of(Tensor.zeros(5, 2), Tensor.zeros(6, 2)), 2, SEARCH));
        assertEquals("layer 'b' has 6 samples but 'a' has 5", samples.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayerGraphs.compute(List.of("a", "a"),
                List.of(Tensor.zeros(5, 2), Tensor.zeros(5, 2)), 2, SEARCH));
        assertThrows(IllegalArgumentException.class, () -> LayerGraphs.compute(List.of("a"),
                List.of(Tensor.zeros(5, 2), Tensor.zeros(5, 2)), 2, SEARCH));
        LayerGraphs graphs = LayerGraphs.compute(List.of("a"), List.of(Tensor.zeros(5, 2)), 2,
                SEARCH);
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> graphs.indexOf("fc1"));
        assertEquals("no layer named 'fc1'; layers: a", name.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> graphs.graph(0, 3));
        assertEquals("k = 3 but the graphs were searched with k = 2: k must lie in [1, 2]",
                k.getMessage());
    }
}
