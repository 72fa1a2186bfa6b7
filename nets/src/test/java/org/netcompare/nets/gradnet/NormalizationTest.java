package org.netcompare.nets.gradnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values on three training features with blocks of sizes 2 and 1. Coordinate
 * (0,0) sees 1, 3, 5 (mean 3, std sqrt(8/3), range [1, 5]); (0,1) sees 0, -2, 4 (mean 2/3,
 * std sqrt(56)/3, range [-2, 4]); (1,0) is constantly 2. Tolerance 1e-6: float32 rounding of
 * results of order 1.
 */
class NormalizationTest {

    private static final List<float[][]> TRAINING = List.of(
            new float[][] {{1, 0}, {2}},
            new float[][] {{3, -2}, {2}},
            new float[][] {{5, 4}, {2}});
    private static final float[][] SAMPLE = {{4, 1}, {3}};
    private static final double TOLERANCE = 1e-6;

    @Test
    void standardCentresAndScalesEachCoordinate() {
        float[][] out = Normalization.STANDARD.fit(TRAINING, 1).apply(SAMPLE);
        // (4 - 3) / sqrt(8/3); (1 - 2/3) / (sqrt(56)/3) = 1/sqrt(56); constant: 3 - 2 (std as 1).
        assertBlocks(new double[][] {{1 / Math.sqrt(8.0 / 3), 1 / Math.sqrt(56)}, {1}}, out);
    }

    @Test
    void standardL2GivesUnitBlocks() {
        float[][] out = Normalization.STANDARD_L2.fit(TRAINING, 1).apply(SAMPLE);
        double a = 1 / Math.sqrt(8.0 / 3);
        double b = 1 / Math.sqrt(56);
        double norm = Math.sqrt(a * a + b * b);
        assertBlocks(new double[][] {{a / norm, b / norm}, {1}}, out);
        // Block 1 standardises to 2 - 2 = 0: an all-zero block stays zero (no 0/0).
        assertBlocks(new double[][] {{a / norm, b / norm}, {0}},
                Normalization.STANDARD_L2.fit(TRAINING, 1).apply(new float[][] {{4, 1}, {2}}));
    }

    @Test
    void scaleMapsTheTrainingRangeToUnitAndKeepsZeros() {
        FeatureTransform scale = Normalization.SCALE.fit(TRAINING, 1);
        // (4 - 1) / 4, (1 + 2) / 6, constant coordinate -> 0.
        assertBlocks(new double[][] {{0.75, 0.5}, {0}}, scale.apply(SAMPLE));
        // Zeros stay 0 although (0 - 1) / 4 and (0 + 2) / 6 are not.
        assertBlocks(new double[][] {{0, 0}, {0}}, scale.apply(new float[][] {{0, 0}, {2}}));
        // Outside the training range: not clamped.
        assertBlocks(new double[][] {{1.5, -0.5}, {0}},
                scale.apply(new float[][] {{7, -5}, {2}}));
        assertBlocks(new double[][] {{0, 1}, {0}}, scale.apply(new float[][] {{1, 4}, {2}}));
    }

    @Test
    void powerKeepsTheSign() {
        float[][] x = {{-4, 0.25f}, {9}};
        assertBlocks(new double[][] {{-2, 0.5}, {3}}, Normalization.POWER.fit(TRAINING, 0.5)
                .apply(x));
        assertBlocks(new double[][] {{-16, 0.0625}, {81}}, Normalization.POWER.fit(TRAINING, 2)
                .apply(x));
    }

    @Test
    void scalePowerScalesFirst() {
        float[][] out = Normalization.SCALE_POWER.fit(TRAINING, Normalization.DEFAULT_POWER)
                .apply(SAMPLE);
        assertBlocks(new double[][] {{Math.sqrt(0.75), Math.sqrt(0.5)}, {0}}, out);
    }

    @Test
    void applyingLeavesInputAndFitUnchanged() {
        FeatureTransform standard = Normalization.STANDARD.fit(TRAINING, 1);
        float[][] copy = {{4, 1}, {3}};
        float[][] first = standard.apply(copy);
        standard.apply(new float[][] {{100, -100}, {50}});
        assertArrayEquals(new float[][] {{4, 1}, {3}}, copy);
        assertArrayEquals(first, standard.apply(copy));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.SCALE.fit(List.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.POWER.fit(TRAINING, 0));
        assertThrows(IllegalArgumentException.class, () -> Normalization.STANDARD.fit(
                List.of(new float[][] {{1, 2}, {3}}, new float[][] {{1}, {3}}), 1));
        for (Normalization n : Normalization.values()) {
            FeatureTransform t = n.fit(TRAINING, 1);
            assertThrows(IllegalArgumentException.class, () -> t.apply(new float[][] {{1, 2}}));
        }
    }

    private static void assertBlocks(double[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b].length, actual[b].length);
            for (int i = 0; i < expected[b].length; i++) {
                assertEquals(expected[b][i], actual[b][i], TOLERANCE, "block " + b + " entry " + i);
            }
        }
    }
}
