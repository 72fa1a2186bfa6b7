package org.netcompare.analysis.closedata;

/**
 * Which singular values each derivative image zeroes: a fixed, numbered list of
 * {@link #count()} images, so the close data can be streamed in a deterministic order and
 * image i computed on its own. Singular value indices count from 0 = largest.
 */
public interface ZeroingPlan {

    /** Number of derivative images. */
    long count();

    /** Number of image channels the plan is made for. */
    int channels();

    /**
     * Indices of the singular values that image {@code index} zeroes in {@code channel}; the
     * empty array zeroes nothing. Safe to call from several threads.
     */
    int[] zeroed(long index, int channel);
}
