package org.netcompare.analysis.closedata;

/**
 * Zeroes the smallest k_c singular values of each channel c independently, each k_c in
 * 1..K: K^C images (K = 22 and C = 3 give the paper's 22^3 = 10,648; Yu, Long and Hopcroft
 * 2018, section 4). Image i has digits (k_1 - 1, ..., k_C - 1) of i in base K, channel 0 the
 * slowest.
 */
public final class SmallestPerChannel implements ZeroingPlan {

    /** The paper's K. */
    public static final int PAPER_K = 22;

    private final int channels;
    private final int rank;
    private final int maxK;
    private final long count;

    /**
     * @param channels C
     * @param rank     singular values per channel, min(H, W)
     * @param maxK     K, in 1..rank
     * @throws IllegalArgumentException if K is out of range or K^C does not fit in a long
     */
    public SmallestPerChannel(int channels, int rank, int maxK) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        if (maxK < 1 || maxK > rank) {
            throw new IllegalArgumentException("K must be in 1.." + rank + " (singular values per"
                    + " channel), got " + maxK);
        }
        long total = 1;
        for (int c = 0; c < channels; c++) {
            total = Math.multiplyExact(total, maxK);
        }
        this.channels = channels;
        this.rank = rank;
        this.maxK = maxK;
        this.count = total;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int[] zeroed(long index, int channel) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("image " + index + " of " + count);
        }
        long rest = index;
        for (int c = channels - 1; c > channel; c--) {
            rest /= maxK;
        }
        int k = (int) (rest % maxK) + 1;
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = rank - k + j;
        }
        return out;
    }
}
