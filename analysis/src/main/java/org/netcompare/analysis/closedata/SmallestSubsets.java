package org.netcompare.analysis.closedata;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * For a one-channel image, zeroes any non-empty subset of the smallest r singular values: the
 * 2^r - 1 masks that Definition 4 of Yu, Long and Hopcroft (2018) allows beyond a single k.
 * When there are more masks than {@code maxImages}, a seeded sample of {@code maxImages}
 * distinct masks (Floyd's algorithm, Bentley, "Programming Pearls", column 12). Masks are
 * kept in increasing order; bit j of a mask zeroes the (j + 1)-th smallest singular value.
 */
public final class SmallestSubsets implements ZeroingPlan {

    private static final int MAX_R = 62;

    private final int rank;
    private final long[] masks;

    /**
     * @param rank      singular values of the channel, min(H, W)
     * @param r         how many of the smallest may be zeroed, in 1..min(rank, 62)
     * @param maxImages largest number of images; all 2^r - 1 masks when that is no more
     * @param seed      seed of the sample
     * @throws IllegalArgumentException for r or maxImages out of range
     */
    public SmallestSubsets(int rank, int r, int maxImages, long seed) {
        if (r < 1 || r > Math.min(rank, MAX_R)) {
            throw new IllegalArgumentException("r must be in 1.." + Math.min(rank, MAX_R)
                    + ", got " + r);
        }
        if (maxImages < 1) {
            throw new IllegalArgumentException("maxImages must be at least 1, got " + maxImages);
        }
        this.rank = rank;
        long population = (1L << r) - 1;
        if (population <= maxImages) {
            masks = new long[(int) population];
            Arrays.setAll(masks, i -> i + 1L);
        } else {
            masks = sample(population, maxImages, new SplittableRandom(seed));
        }
    }

    /** {@code size} distinct values of 1..population, sorted (Floyd: one draw per value). */
    private static long[] sample(long population, int size, SplittableRandom random) {
        Set<Long> chosen = new HashSet<>(size * 2);
        for (long j = population - size + 1; j <= population; j++) {
            long t = random.nextLong(1, j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        long[] out = chosen.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    @Override
    public long count() {
        return masks.length;
    }

    @Override
    public int channels() {
        return 1;
    }

    /** The mask of image {@code index}. */
    public long mask(int index) {
        return masks[index];
    }

    @Override
    public int[] zeroed(long index, int channel) {
        if (channel != 0) {
            throw new IndexOutOfBoundsException("channel " + channel + " of 1");
        }
        long mask = masks[Math.toIntExact(index)];
        int[] out = new int[Long.bitCount(mask)];
        int n = 0;
        for (int j = 63 - Long.numberOfLeadingZeros(mask); j >= 0; j--) {
            if ((mask >>> j & 1) != 0) {
                out[n++] = rank - 1 - j;
            }
        }
        return out;
    }
}
