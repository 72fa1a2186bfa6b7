package org.netcompare.engine.knn;

/**
 * The {@code capacity} smallest (distance, index) pairs offered, ordered by distance and then by
 * index, kept in a bounded max-heap: O(log capacity) per accepted offer and one comparison per
 * rejected one.
 */
final class NeighbourHeap {

    private final double[] distances;
    private final int[] indices;
    private int size;

    NeighbourHeap(int capacity) {
        distances = new double[capacity];
        indices = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    boolean isFull() {
        return size == distances.length;
    }

    /** The largest kept distance; only meaningful once the heap holds an entry. */
    double largestDistance() {
        return distances[0];
    }

    void offer(double distance, int index) {
        if (size < distances.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!after(distance, index, distances[parent], indices[parent])) {
                    break;
                }
                distances[i] = distances[parent];
                indices[i] = indices[parent];
                i = parent;
            }
            distances[i] = distance;
            indices[i] = index;
        } else if (size > 0 && after(distances[0], indices[0], distance, index)) {
            siftDownFromRoot(distance, index);
        }
    }

    /**
     * Empties the heap into {@code outIndices} / {@code outDistances} from {@code offset},
     * nearest first.
     */
    void drainAscending(int[] outIndices, double[] outDistances, int offset) {
        while (size > 0) {
            int last = --size;
            outIndices[offset + last] = indices[0];
            outDistances[offset + last] = distances[0];
            if (last > 0) {
                siftDownFromRoot(distances[last], indices[last]);
            }
        }
    }

    private void siftDownFromRoot(double distance, int index) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(distances[child + 1], indices[child + 1],
                    distances[child], indices[child])) {
                child++;
            }
            if (!after(distances[child], indices[child], distance, index)) {
                break;
            }
            distances[i] = distances[child];
            indices[i] = indices[child];
            i = child;
        }
        distances[i] = distance;
        indices[i] = index;
    }

    /** True when (d1, i1) comes after (d2, i2) in neighbour order. */
    private static boolean after(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }
}
