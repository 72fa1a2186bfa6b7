package org.netcompare.nets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

class DatasetTest {

    /** Image {@code i} is 2 channels of 2 x 3 pixels, pixel {@code k} holding {@code i + k/100}. */
    private static Dataset numbered(int n, int classes) {
        float[] pixels = new float[n * 12];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 12; k++) {
                pixels[i * 12 + k] = i + k / 100f;
            }
            labels[i] = (i * 7) % classes;
        }
        return new Dataset("numbered", "test", Tensor.wrap(pixels, n, 2, 2, 3), labels, classes);
    }

    /** The index of an image, read back from its first pixel. */
    private static int imageId(Tensor images, int row) {
        return Math.round(images.get(row, 0, 0, 0));
    }

    @Test
    void rejectsShapesAndLabelsThatDoNotFit() {
        Tensor images = Tensor.zeros(3, 1, 2, 2);
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("x", "s", images, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("x", "s", Tensor.zeros(3, 4), new int[] {0, 1, 1}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("x", "s", images, new int[] {0, 2, 1}, 2));
        assertEquals("label 2 of image 1 is outside 0..1", e.getMessage());
    }

    @Test
    void subsetGathersImagesAndLabelsInTheGivenOrder() {
        Dataset data = numbered(6, 4);
        Dataset picked = data.subset(new int[] {5, 0, 5, 2});
        assertEquals(4, picked.size());
        for (int row = 0; row < 4; row++) {
            int id = new int[] {5, 0, 5, 2}[row];
            assertEquals(id, imageId(picked.images(), row));
            assertEquals(id + 0.11f, picked.images().get(row, 1, 1, 2));
            assertEquals(data.label(id), picked.label(row));
        }
        assertThrows(IllegalArgumentException.class, () -> data.subset(new int[] {6}));
        assertEquals(3, data.first(3).size());
        assertSame(data, data.first(100));
    }

    @Test
    void classIndicesAreTheImagesWithThatLabelAscending() {
        Dataset data = numbered(20, 6);
        int total = 0;
        for (int c = 0; c < 6; c++) {
            int[] indices = data.classIndices(c);
            total += indices.length;
            for (int i = 0; i < indices.length; i++) {
                assertEquals(c, data.label(indices[i]));
                assertTrue(i == 0 || indices[i] > indices[i - 1]);
            }
        }
        assertEquals(20, total, "every image in exactly one class");
        assertThrows(IllegalArgumentException.class, () -> data.classIndices(6));
    }

    @Test
    void batchesOfASeedAreReproducibleAndCoverEveryImageOnce() {
        Dataset data = numbered(23, 5);
        Batches batches = data.batches(5, 42);
        assertEquals(5, batches.count());
        List<Integer> seen = new ArrayList<>();
        int[] sizes = new int[batches.count()];
        int b = 0;
        for (Batch batch : batches) {
            sizes[b++] = batch.size();
            assertArrayEquals(new int[] {batch.size(), 2, 2, 3}, batch.images().shape());
            for (int row = 0; row < batch.size(); row++) {
                int index = batch.indices()[row];
                assertEquals(index, imageId(batch.images(), row), "image travels with its index");
                assertEquals(data.label(index), batch.labels()[row]);
                seen.add(index);
            }
        }
        assertArrayEquals(new int[] {5, 5, 5, 5, 3}, sizes);
        int[] order = seen.stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(batches.order(), order);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        int[] identity = new int[23];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted, "a permutation");
        assertArrayEquals(order, data.batches(5, 42).order(), "same seed, same order");
        assertArrayEquals(order, data.batches(7, 42).order(), "order does not depend on size");
        assertFalse(Arrays.equals(order, data.batches(5, 43).order()), "another seed reshuffles");
        assertFalse(Arrays.equals(order, identity), "shuffled");
    }

    /**
     * Fisher-Yates draws each of the n! orders equally often: over 24,000 seeds each of the 24
     * permutations of 4 items is expected 1,000 times (binomial sd 31); an off-by-one in the
     * range of the swap index leaves some permutations out altogether, and unscrambled
     * neighbouring seeds in {@code java.util.Random} put one order 1,201 times. Bound: 6 sd.
     */
    @Test
    void everyPermutationIsDrawnAboutEquallyOften() {
        Map<String, Integer> counts = new HashMap<>();
        for (long seed = 0; seed < 24_000; seed++) {
            counts.merge(Arrays.toString(Batches.permutation(4, seed)), 1, Integer::sum);
        }
        assertEquals(24, counts.size());
        for (var entry : counts.entrySet()) {
            assertTrue(Math.abs(entry.getValue() - 1000) < 190, entry.toString());
        }
    }

    @Test
    void normalisationUsesTheStatedMeanAndStdPerChannel() {
        Dataset data = numbered(3, 2);
        Dataset normal = data.normalized(new double[] {1, 2}, new double[] {0.5, 4});
        for (int i = 0; i < 3; i++) {
            assertEquals((float) ((data.images().get(i, 0, 1, 1) - 1) / 0.5),
                    normal.images().get(i, 0, 1, 1));
            assertEquals((float) ((data.images().get(i, 1, 0, 2) - 2) / 4.0),
                    normal.images().get(i, 1, 0, 2));
        }
        assertTrue(normal.source().contains("mean [1.0, 2.0]"), normal.source());
        assertThrows(IllegalArgumentException.class,
                () -> data.normalized(new double[] {0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> data.normalized(new double[] {0, 0}, new double[] {1, 0}));
    }

    /**
     * Channel statistics against the closed form: channel 0 of image i holds i + k/100 for
     * k = 0..5, channel 1 holds i + k/100 for k = 6..11.
     */
    @Test
    void channelStatisticsMatchTheClosedForm() {
        Dataset data = numbered(3, 2);
        double[] means = data.channelMeans();
        assertEquals(1 + 0.025, means[0], 1e-6);
        assertEquals(1 + 0.085, means[1], 1e-6);
        // Variance of i (uniform on 0,1,2) is 2/3; of k/100 for six consecutive k, 35/12 / 1e4.
        double expected = Math.sqrt(2.0 / 3 + 35.0 / 12 / 1e4);
        assertEquals(expected, data.channelStds()[0], 1e-6);
        assertEquals(expected, data.channelStds()[1], 1e-6);
        Dataset normal = data.normalized(means, data.channelStds());
        assertEquals(0, normal.channelMeans()[1], 1e-6);
        assertEquals(1, normal.channelStds()[0], 1e-6);
    }
}
