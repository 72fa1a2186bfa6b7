package org.netcompare.nets.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import org.netcompare.engine.tensor.Tensor;

/**
 * One epoch of shuffled mini-batches: a permutation of {@code 0 .. n - 1} drawn from a seed by
 * the Fisher-Yates shuffle (Knuth, TAOCP vol. 2, 3.4.2, Algorithm P), cut into consecutive
 * batches of {@code batchSize}, the last one holding the remainder. {@link Random} is used
 * because its generator is specified in its Javadoc, so a seed gives the same batches on every
 * JVM; its seed is first scrambled by SplitMix64's finaliser (Steele, Lea and Flood 2014),
 * because {@code Random}'s first outputs for neighbouring seeds such as 0, 1, 2 are correlated
 * and would favour some orders. Each batch is gathered (copied) when the iterator reaches it.
 */
public final class Batches implements Iterable<Batch> {

    private final Dataset dataset;
    private final int batchSize;
    private final int[] order;

    Batches(Dataset dataset, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.order = permutation(dataset.size(), seed);
    }

    /** A uniformly random permutation of {@code 0 .. n - 1} drawn from {@code seed}. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(scrambled(seed));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int held = order[i];
            order[i] = order[j];
            order[j] = held;
        }
        return order;
    }

    /** A bijection of the 64-bit seeds that scatters neighbouring ones (SplitMix64's mix). */
    static long scrambled(long seed) {
        long z = (seed ^ (seed >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The order in which the images are visited, a copy. */
    public int[] order() {
        return order.clone();
    }

    /** Number of batches, {@code ceil(n / batchSize)}. */
    public int count() {
        return (order.length + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(order.length, next + batchSize);
                int[] indices = Arrays.copyOfRange(order, next, end);
                next = end;
                int[] shape = dataset.imageShape();
                float[] images = new float[indices.length * dataset.imageSize()];
                int[] labels = new int[indices.length];
                dataset.gather(indices, images, labels);
                return new Batch(Tensor.wrap(images, indices.length, shape[0], shape[1],
                        shape[2]), labels, indices);
            }
        };
    }
}
