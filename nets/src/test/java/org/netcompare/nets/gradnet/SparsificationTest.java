package org.netcompare.nets.gradnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparsificationTest {

    private static final float[] BLOCK = {0.5f, -3, 1, 2, -0.25f, 4, 0, -1.5f, 2.5f, 3.5f};

    /** Expected values from numpy.percentile(|a|, q) and np.where(|a| > t, a, 0). */
    @Test
    void matchesNumpyPercentileAndStrictThreshold() {
        assertEquals(1.165, Sparsification.magnitudePercentile(BLOCK, 37), 1e-12);
        assertEquals(3.325, Sparsification.magnitudePercentile(BLOCK, 85), 1e-12);
        assertArrayEquals(new float[] {0, -3, 0, 2, 0, 4, 0, -1.5f, 2.5f, 3.5f},
                Sparsification.percentile(BLOCK, 37));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 4, 0, 0, 0, 3.5f},
                Sparsification.percentile(BLOCK));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 4, 0, 0, 0, 0},
                Sparsification.percentile(BLOCK, 90));
    }

    @Test
    void keepsExactlyTheCountAboveThePercentile() {
        float[] block = new float[100];
        for (int i = 0; i < block.length; i++) {
            block[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);
        }
        // |g| = 1..100: percentile 85 is 1 + 0.85 * 99 = 85.15, so 86..100 survive: 15 entries.
        assertEquals(15, nonZero(Sparsification.percentile(block, 85)));
        // percentile 50 is 50.5: 51..100 survive.
        assertEquals(50, nonZero(Sparsification.percentile(block, 50)));
    }

    @Test
    void tiesAtTheThresholdAreZeroed() {
        float[] block = {2, -2, 2, 2, 1};
        // sorted |g| = 1 2 2 2 2; any q >= 25 gives threshold 2, and nothing is strictly above.
        assertArrayEquals(new float[5], Sparsification.percentile(block, 50));
        // q = 0: threshold 1, the four entries of magnitude 2 are kept.
        assertArrayEquals(new float[] {2, -2, 2, 2, 0}, Sparsification.percentile(block, 0));
    }

    @Test
    void edgePercentiles() {
        assertArrayEquals(new float[] {0.5f, -3, 1, 2, -0.25f, 4, 0, -1.5f, 2.5f, 3.5f},
                Sparsification.percentile(BLOCK, 0));
        assertArrayEquals(new float[BLOCK.length], Sparsification.percentile(BLOCK, 100));
        assertArrayEquals(new float[3], Sparsification.percentile(new float[] {-7, 7, 7}, 0));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Sparsification.percentile(BLOCK, -1));
        assertThrows(IllegalArgumentException.class, () -> Sparsification.percentile(BLOCK, 101));
        assertThrows(IllegalArgumentException.class,
                () -> Sparsification.percentile(BLOCK, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Sparsification.percentile(new float[0], 85));
    }

    private static int nonZero(float[] values) {
        int count = 0;
        for (float v : values) {
            count += v != 0 ? 1 : 0;
        }
        return count;
    }
}
