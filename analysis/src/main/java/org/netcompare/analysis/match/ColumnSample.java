package org.netcompare.analysis.match;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The random subsets of observation columns that the public code of Wang et al. (NeurIPS 2018)
 * uses for convolutional layers, whose vectors (samples x positions) are too long to match
 * whole: {@code count} distinct columns drawn uniformly, {@code repeats} independent draws whose
 * similarities are averaged (the paper's code: 10,000 columns, 16 repeats).
 */
public record ColumnSample(int count, int repeats, long seed) {

    /** The paper's setting: 10,000 columns, 16 repeats. */
    public static ColumnSample paper(long seed) {
        return new ColumnSample(10_000, 16, seed);
    }

    public ColumnSample {
        if (count < 1) {
            throw new IllegalArgumentException("column count must be at least 1, got " + count);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    /** Draws to make: one when every column is kept anyway, else {@link #repeats}. */
    public int draws(int columns) {
        return columns <= count ? 1 : repeats;
    }

    /**
     * Draw {@code repeat} (0-based) out of {@code columns}: sorted distinct indices, all of them
     * when {@code columns <= count}. The draw depends only on the seed and the repeat.
     */
    public int[] draw(int columns, int repeat) {
        if (columns <= count) {
            int[] all = new int[columns];
            Arrays.setAll(all, i -> i);
            return all;
        }
        // Floyd's sampling: count distinct values without a columns-sized buffer.
        SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * repeat);
        BitSet chosen = new BitSet(columns);
        for (int j = columns - count; j < columns; j++) {
            int t = random.nextInt(j + 1);
            chosen.set(chosen.get(t) ? j : t);
        }
        return chosen.stream().toArray();
    }
}
