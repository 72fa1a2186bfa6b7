package org.netcompare.analysis.closedata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Svd;
import org.netcompare.engine.tensor.Tensor;

class CloseDataGeneratorTest {

    static Tensor randomImage(long seed, int... shape) {
        Random random = new Random(seed);
        float[] data = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return Tensor.wrap(data, shape);
    }

    @Test
    void factorsReconstructEachChannelAndNothingZeroedIsTheOriginal() {
        Tensor image = randomImage(1, 3, 9, 7);
        ChannelSvd svd = ChannelSvd.of(image);
        assertEquals(7, svd.rank());
        float[] pixels = image.toArray();
        for (int c = 0; c < 3; c++) {
            Matrix product = svd.u(c).times(Matrix.diagonal(svd.singularValues(c)))
                    .times(svd.v(c).transpose());
            double[] same = new double[63];
            svd.derivative(c, new int[0], same, 0);
            for (int p = 0; p < 63; p++) {
                // U S V^T in float64 agrees with the pixels to rounding (1e-12 >> 63 eps).
                assertEquals(pixels[c * 63 + p], product.data()[p], 1e-12);
                assertEquals(pixels[c * 63 + p], same[p], 0.0);
            }
        }
    }

    @Test
    void zeroingTheSmallestKLeavesRankMinusKAtTheEckartYoungDistance() {
        Tensor image = randomImage(2, 1, 12, 10);
        ChannelSvd svd = ChannelSvd.of(image);
        double[] s = svd.singularValues(0);
        for (int k = 1; k <= 4; k++) {
            int[] zeroed = new int[k];
            for (int j = 0; j < k; j++) {
                zeroed[j] = 10 - k + j;
            }
            double[] channel = new double[120];
            svd.derivative(0, zeroed, channel, 0);
            Svd check = new Svd(false, false, false);
            check.decompose(Matrix.wrap(12, 10, channel));
            // The smallest kept s of a uniform 12 x 10 image is ~0.1; what is left of the
            // zeroed ones is rounding, ~1e-15: 1e-10 s_max separates them.
            assertEquals(10 - k, check.rank(1e-10 * s[0]));
            double expected = 0;
            for (int i : zeroed) {
                expected += s[i] * s[i];
            }
            assertEquals(Math.sqrt(expected), distance(image.toArray(), channel), 1e-12);
        }
    }

    @Test
    void rgbPlanCountsKCubedAndBatchesCoverEveryImageOnce() {
        Tensor image = randomImage(3, 3, 8, 8);
        ChannelSvd svd = ChannelSvd.of(image);
        SmallestPerChannel plan = new SmallestPerChannel(3, svd.rank(), 3);
        assertEquals(27, plan.count());
        CloseDataGenerator generator = new CloseDataGenerator(svd, plan, 4, PixelRange.UNBOUNDED);
        assertEquals(27, generator.count());
        Set<List<Integer>> triples = new HashSet<>();
        float[] original = image.toArray();
        int seen = 0;
        while (generator.hasNext()) {
            Tensor batch = generator.next();
            assertEquals(Math.min(4, 27 - seen), batch.dim(0));
            for (int i = 0; i < batch.dim(0); i++, seen++) {
                int[] k = new int[3];
                float[] derivative = batch.slice(0, i, i + 1).toArray();
                for (int c = 0; c < 3; c++) {
                    k[c] = plan.zeroed(seen, c).length;
                    double[] s = svd.singularValues(c);
                    double zeroedEnergy = 0;
                    for (int j = 8 - k[c]; j < 8; j++) {
                        zeroedEnergy += s[j] * s[j];
                    }
                    // float32 pixels of size ~1: rounding <= 64 * 6e-8 in the norm.
                    assertEquals(Math.sqrt(zeroedEnergy), distance(
                            Arrays.copyOfRange(original, c * 64, c * 64 + 64),
                            Arrays.copyOfRange(derivative, c * 64, c * 64 + 64)), 1e-5);
                }
                assertTrue(triples.add(List.of(k[0], k[1], k[2])), "image repeated");
            }
        }
        assertEquals(27, seen);
        assertEquals(27, triples.size());
        assertFalse(generator.hasNext());
    }

    @Test
    void oneChannelCountsAllNonEmptySubsetsOrASeededSample() {
        SmallestSubsets all = new SmallestSubsets(28, 4, 1000, 7);
        assertEquals(15, all.count());
        Set<Set<Integer>> subsets = new HashSet<>();
        for (int i = 0; i < 15; i++) {
            int[] zeroed = all.zeroed(i, 0);
            assertTrue(zeroed.length >= 1);
            Set<Integer> subset = new HashSet<>();
            for (int z : zeroed) {
                assertTrue(z >= 24 && z < 28, "only the 4 smallest: " + z);
                subset.add(z);
            }
            subsets.add(subset);
        }
        assertEquals(15, subsets.size());

        SmallestSubsets sample = new SmallestSubsets(28, 20, 500, 11);
        SmallestSubsets again = new SmallestSubsets(28, 20, 500, 11);
        SmallestSubsets other = new SmallestSubsets(28, 20, 500, 12);
        assertEquals(500, sample.count());
        long[] masks = new long[500];
        boolean differs = false;
        for (int i = 0; i < 500; i++) {
            masks[i] = sample.mask(i);
            assertEquals(masks[i], again.mask(i));
            assertTrue(masks[i] >= 1 && masks[i] < 1L << 20);
            assertTrue(i == 0 || masks[i] > masks[i - 1], "sorted and distinct");
            differs |= masks[i] != other.mask(i);
        }
        assertTrue(differs);
    }

    @Test
    void unitRangeClampsAndStreamingMatchesOneBigBatch() {
        Tensor image = randomImage(4, 1, 10, 10);
        CloseDataGenerator clamped = CloseDataGenerator.of(image, 5, 20, 3, 6, PixelRange.UNIT);
        CloseDataGenerator whole = CloseDataGenerator.of(image, 5, 20, 3, 100, PixelRange.UNIT);
        assertEquals(20, clamped.count());
        List<Float> streamed = new ArrayList<>();
        while (clamped.hasNext()) {
            for (float x : clamped.next().toArray()) {
                assertTrue(x >= 0 && x <= 1);
                streamed.add(x);
            }
        }
        float[] once = whole.next().toArray();
        assertEquals(once.length, streamed.size());
        for (int i = 0; i < once.length; i++) {
            assertEquals(once[i], streamed.get(i), 0.0f);
        }
    }

    @Test
    void badInputIsRefused() {
        ChannelSvd svd = ChannelSvd.of(randomImage(5, 3, 6, 6));
        assertThrows(IllegalArgumentException.class, () -> new SmallestPerChannel(3, 6, 7));
        assertThrows(IllegalArgumentException.class, () -> new SmallestSubsets(6, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new CloseDataGenerator(svd,
                new SmallestSubsets(6, 3, 10, 1), 4, PixelRange.UNBOUNDED));
        assertThrows(IllegalArgumentException.class, () -> ChannelSvd.of(randomImage(5, 6, 6)));
        assertThrows(IllegalArgumentException.class, () -> new PixelRange(1, 0));
    }

    static double distance(float[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
