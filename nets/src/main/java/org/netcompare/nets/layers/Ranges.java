package org.netcompare.nets.layers;

import org.netcompare.engine.parallel.Parallelism;

/**
 * Splits [0, count) into contiguous ranges, one per worker thread, for loops whose iterations
 * write disjoint outputs (elements, image planes); small loops run on the calling thread.
 */
final class Ranges {

    /** Below this many elements of work a loop is not worth handing to other threads. */
    private static final long MIN_WORK = 1 << 15;

    /** A loop body over [from, to). */
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    private Ranges() {
    }

    /**
     * Runs {@code body} over [0, count) in ranges; {@code workPerItem} (elements touched per
     * iteration) decides how many ranges pay.
     */
    static void forEach(int count, long workPerItem, Body body) {
        long work = (long) count * Math.max(1, workPerItem);
        int tasks = (int) Math.max(1, Math.min(Math.min(count, Parallelism.threads()),
                work / MIN_WORK));
        if (tasks == 1) {
            body.run(0, count);
            return;
        }
        Parallelism.forEach(tasks, t -> body.run((int) ((long) t * count / tasks),
                (int) ((long) (t + 1) * count / tasks)));
    }
}
