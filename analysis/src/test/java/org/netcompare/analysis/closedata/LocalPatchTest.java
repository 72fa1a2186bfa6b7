package org.netcompare.analysis.closedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.model.ModelZoo;
import org.netcompare.nets.model.Sequential;

class LocalPatchTest {

    private static final long BUDGET = 64L << 20;

    private final Sequential mlp = ModelZoo.spec("mlp").build(5);
    private final Tensor image = CloseDataGeneratorTest.randomImage(9, 1, 28, 28);

    private CloseDataGenerator generator() {
        return CloseDataGenerator.of(image, 4, 100, 1, 4, PixelRange.UNBOUNDED);
    }

    @Test
    void rowZeroIsTheOriginalAndRowJTheJthDerivativeImage() {
        Map<String, LocalPatch> patches = LocalPatch.collect(mlp, List.of("fc3", "fc1"), image,
                generator(), BUDGET);
        assertEquals(List.of("fc3", "fc1"), List.copyOf(patches.keySet()));
        LocalPatch fc3 = patches.get("fc3");
        assertEquals(16, fc3.size());
        assertEquals(10, fc3.features());
        assertEquals(300, patches.get("fc1").features());

        float[] original = mlp.forward(image.reshape(1, 1, 28, 28), false).toArray();
        for (int f = 0; f < 10; f++) {
            assertEquals(original[f], fc3.points().get(0, f), 0.0);
        }
        ChannelSvd svd = ChannelSvd.of(image);
        SmallestSubsets plan = new SmallestSubsets(28, 4, 100, 1);
        for (int j = 0; j < 15; j++) {
            double[] pixels = new double[784];
            svd.derivative(0, plan.zeroed(j, 0), pixels, 0);
            float[] single = new float[784];
            for (int p = 0; p < 784; p++) {
                single[p] = (float) pixels[p];
            }
            float[] out = mlp.forward(Tensor.wrap(single, 1, 1, 28, 28), false).toArray();
            for (int f = 0; f < 10; f++) {
                // Same image, another batch composition: float32 sums may round differently.
                assertEquals(out[f], fc3.points().get(j + 1, f), 1e-5 * (1 + Math.abs(out[f])));
            }
        }
    }

    @Test
    void diameterAndMeanDistanceToBaseMatchBruteForce() {
        LocalPatch patch = LocalPatch.collect(mlp, List.of("fc1"), image, generator(), BUDGET)
                .get("fc1");
        Matrix x = patch.points();
        double max = 0;
        double toBase = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.rows(); j++) {
                max = Math.max(max, distance(x.row(i), x.row(j)));
            }
            toBase += i == 0 ? 0 : distance(x.row(i), x.row(0));
        }
        assertTrue(max > 0);
        assertEquals(max, patch.diameter(), 1e-9 * max);
        assertEquals(toBase / 15, patch.meanDistanceToBase(), 1e-12 * max);
    }

    @Test
    void pairwiseDistancesOfAFarAwayUnitSquare() {
        double o = 1e6;
        PairwiseDistances square = PairwiseDistances.of(Matrix.of(new double[][] {
                {o, o}, {o + 1, o}, {o, o + 1}, {o + 1, o + 1}}));
        // Centring at row 0 keeps the Gram subtraction exact here; uncentred it would lose
        // twelve digits to the 1e12 squared norms.
        assertEquals(Math.sqrt(2), square.max(), 1e-12);
        assertEquals((4 + 2 * Math.sqrt(2)) / 6, square.mean(), 1e-12);
    }

    @Test
    void memoryIsEstimatedInClosedFormAndOverBudgetRefused() {
        // mlp per image: input 784 + layer outputs 784, 300, 300, 100, 100, 10 + captured fc3 10
        // = 2388 float32; 4 per batch. Patch 16 x 10 float64, plus its transposed copy.
        assertEquals(2 * 16 * 10 * 8 + 4 * 2388 * 4,
                LocalPatch.bytesNeeded(mlp, List.of("fc3"), 15, 4));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalPatch.collect(mlp, List.of("fc3"), image, generator(), 1 << 10));
        assertTrue(refused.getMessage().contains("over the budget"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalPatch.bytesNeeded(mlp,
                List.of("fc1"), 10_000_000, 4));
    }

    @Test
    void usedGeneratorsUnknownLayersAndOtherShapesAreRefused() {
        CloseDataGenerator used = generator();
        used.next();
        assertThrows(IllegalArgumentException.class,
                () -> LocalPatch.collect(mlp, List.of("fc3"), image, used, BUDGET));
        assertThrows(IllegalArgumentException.class,
                () -> LocalPatch.collect(mlp, List.of("nope"), image, generator(), BUDGET));
        Tensor small = CloseDataGeneratorTest.randomImage(9, 1, 20, 20);
        assertThrows(IllegalArgumentException.class, () -> LocalPatch.collect(mlp,
                List.of("fc3"), small, CloseDataGenerator.of(small, 3, 10, 1, 4,
                        PixelRange.UNBOUNDED), BUDGET));
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
