package org.netcompare.analysis.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class NeuronMatrixTest {

    /**
     * A [2 samples, 3 channels, 1 x 2 positions] activation, value = 100 sample + 10 channel +
     * position: channel c's vector over (sample, position) is [10c, 10c + 1, 100 + 10c, 101 + 10c].
     */
    @Test
    void channelsRunOverSamplesAndPositions() {
        Matrix flat = Matrix.zeros(2, 6);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 2; p++) {
                    flat.set(n, c * 2 + p, 100 * n + 10 * c + p);
                }
            }
        }
        NeuronMatrix all = NeuronMatrix.channels(flat, 3, 2, new int[] {0, 1, 2, 3});
        assertEquals(3, all.neurons());
        assertEquals(4, all.observations());
        assertArrayEquals(new double[] {20, 21, 120, 121}, all.vectors().column(2));
        NeuronMatrix some = NeuronMatrix.channels(flat, 3, 2, new int[] {1, 2});
        assertArrayEquals(new double[] {11, 110}, some.vectors().column(1));
        assertEquals(Math.sqrt(11 * 11 + 110 * 110), some.norms()[1], 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> NeuronMatrix.channels(flat, 4, 2, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> NeuronMatrix.channels(flat, 3, 2, new int[] {4}));
    }

    @Test
    void columnSamplesAreDistinctSortedAndSeeded() {
        ColumnSample sample = new ColumnSample(50, 4, 9);
        assertEquals(4, sample.draws(1000));
        assertEquals(1, sample.draws(50));
        int[] a = sample.draw(1000, 0);
        assertEquals(50, a.length);
        assertEquals(50, Arrays.stream(a).distinct().count());
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i - 1] < a[i]);
        }
        assertTrue(a[0] >= 0 && a[49] < 1000);
        assertArrayEquals(a, new ColumnSample(50, 4, 9).draw(1000, 0));
        assertTrue(!Arrays.equals(a, sample.draw(1000, 1)), "repeats draw different columns");
        assertArrayEquals(new int[] {0, 1, 2}, sample.draw(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new ColumnSample(0, 1, 0));
    }

    /** Drawn columns cover the range evenly: each decile holds about a tenth of 5,000 draws. */
    @Test
    void columnSamplesAreUniform() {
        int[] counts = new int[10];
        for (int r = 0; r < 10; r++) {
            for (int c : new ColumnSample(500, 10, 1).draw(10_000, r)) {
                counts[c / 1000]++;
            }
        }
        for (int count : counts) {
            // binomial(5000, 0.1) has standard deviation 21; 5 sigma
            assertTrue(Math.abs(count - 500) < 105, Arrays.toString(counts));
        }
    }
}
