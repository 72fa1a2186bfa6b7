package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfPrecisionTest {

    @Test
    void decodesAsNumpyDoes() {
        // np.array([bits], np.uint16).view(np.float16), NumPy 1.24.2
        int[] bits = {0x0001, 0x03FF, 0x0400, 0x3C00, 0x7BFF, 0x8001, 0x3555};
        float[] values = {0x1p-24f, 0x1.ff8p-15f, 0x1p-14f, 1f, 65504f, -0x1p-24f, 0x1.554p-2f};
        for (int i = 0; i < bits.length; i++) {
            assertEquals(values[i], HalfPrecision.halfToFloat((short) bits[i]));
        }
        assertEquals(Float.POSITIVE_INFINITY, HalfPrecision.halfToFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.halfToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(HalfPrecision.halfToFloat((short) 0x7E00)));
    }

    @Test
    void roundsAsNumpyAstypeDoes() {
        // np.array(x, np.float32).astype(np.float16).view(np.uint16), NumPy 1.24.2
        float[] x = {1 + 0x1p-11f, 1 + 3 * 0x1p-11f, 65519.99f, 65520f, 0x1p-25f, 0x1.8p-25f,
            0x1.8p-24f, -0f, 1e-8f, 0.1f, -3.14159f, 100000f};
        int[] expected = {0x3c00, 0x3c02, 0x7bff, 0x7c00, 0x0, 0x1, 0x2, 0x8000, 0x0, 0x2e66,
            0xc248, 0x7c00};
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], HalfPrecision.floatToHalf(x[i]) & 0xFFFF, "x = " + x[i]);
        }
        assertTrue(Float.isNaN(HalfPrecision.halfToFloat(HalfPrecision.floatToHalf(Float.NaN))));
    }

    @Test
    void everyHalfSurvivesTheRoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = HalfPrecision.halfToFloat((short) bits);
            if (!Float.isNaN(value)) {
                assertEquals(bits, HalfPrecision.floatToHalf(value) & 0xFFFF);
            }
        }
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = HalfPrecision.bfloat16ToFloat((short) bits);
            if (!Float.isNaN(value)) {
                assertEquals(bits, HalfPrecision.floatToBfloat16(value) & 0xFFFF);
            }
        }
    }

    /** Brute force: the result is no farther than either neighbour, and even on a tie. */
    @Test
    void narrowingPicksTheNearestNeighbourTiesToEven() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200_000; trial++) {
            float x = Float.intBitsToFloat(random.nextInt() & 0x7FFFFFFF);
            if (x <= 60000f && x >= 0x1p-26f) {
                checkNearest(x, HalfPrecision.floatToHalf(x), HalfPrecision::halfToFloat);
            }
            if (!Float.isNaN(x) && x < 0x1.fep127f) {
                checkNearest(x, HalfPrecision.floatToBfloat16(x), HalfPrecision::bfloat16ToFloat);
            }
        }
    }

    private interface Widen {
        float apply(short bits);
    }

    private static void checkNearest(float x, short result, Widen widen) {
        double distance = Math.abs((double) widen.apply(result) - x);
        for (int step : new int[] {-1, 1}) {
            int neighbour = (result & 0xFFFF) + step;
            if (neighbour < 0 || neighbour > 0x7FFF) {
                continue;
            }
            double other = Math.abs((double) widen.apply((short) neighbour) - x);
            assertTrue(distance < other || (distance == other && (result & 1) == 0),
                    "x = " + x + " gave " + Integer.toHexString(result & 0xFFFF));
        }
    }
}
