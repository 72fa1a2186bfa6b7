package org.netcompare.engine.compute;

import java.util.Arrays;
import java.util.function.Supplier;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

/**
 * Visits the elements of operands of one shape in row-major order, as runs along the innermost
 * axis ("segments"), each operand with its own strides and offset.
 *
 * <p>Before walking, size-1 axes are dropped and neighbouring axes that every operand lays out
 * as one are merged, as NumPy's iterator coalesces them, so contiguous operands become a single
 * long segment and a kernel sees long inner loops. Loops over many elements are cut into
 * chunks of about {@link #GRAIN} elements that run in parallel through {@link Parallelism}.
 */
final class StridedLoop {

    /** Elements per parallel chunk: large enough that a task outweighs its scheduling. */
    static final int GRAIN = 1 << 15;

    /** Work on one run of elements. */
    interface Segment {
        /**
         * @param starts storage index of the run's first element, per operand
         * @param length number of elements in the run
         */
        void run(int[] starts, int length);
    }

    private final int[] shape;
    private final int[][] strides;
    private final int[] offsets;
    private final long size;

    /** Operands must all have {@code shape}; expand broadcast inputs first. */
    StridedLoop(int[] shape, Tensor... operands) {
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        size = count;
        int k = operands.length;
        offsets = new int[k];
        int[][] full = new int[k][];
        for (int i = 0; i < k; i++) {
            offsets[i] = operands[i].offset();
            full[i] = operands[i].strides();
        }
        int[] merged = new int[Math.max(1, shape.length)];
        int[][] mergedStrides = new int[k][merged.length];
        int rank = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == 1) {
                continue;
            }
            if (rank > 0 && mergeable(full, mergedStrides, rank - 1, axis, shape[axis])) {
                merged[rank - 1] *= shape[axis];
                for (int i = 0; i < k; i++) {
                    mergedStrides[i][rank - 1] = full[i][axis];
                }
            } else {
                merged[rank] = shape[axis];
                for (int i = 0; i < k; i++) {
                    mergedStrides[i][rank] = full[i][axis];
                }
                rank++;
            }
        }
        if (rank == 0) {
            merged[0] = 1;
            rank = 1;
        }
        this.shape = Arrays.copyOf(merged, rank);
        this.strides = new int[k][];
        for (int i = 0; i < k; i++) {
            strides[i] = Arrays.copyOf(mergedStrides[i], rank);
        }
    }

    /** Axis {@code axis} folds into the kept axis {@code last} when each operand steps evenly. */
    private static boolean mergeable(int[][] full, int[][] kept, int last, int axis, int size) {
        for (int i = 0; i < full.length; i++) {
            if (kept[i][last] != full[i][axis] * size) {
                return false;
            }
        }
        return true;
    }

    /** Stride of operand {@code operand} along the innermost (segment) axis. */
    int innerStride(int operand) {
        return strides[operand][shape.length - 1];
    }

    /**
     * Runs every segment, in parallel chunks when the loop is large; each chunk gets its own
     * {@link Segment} from {@code perChunk}, so a segment may keep scratch buffers.
     */
    void forEach(Supplier<Segment> perChunk) {
        if (size == 0) {
            return;
        }
        int chunks = (int) Math.min(Math.max(1, size / GRAIN), 4L * Parallelism.threads());
        long chunk = (size + chunks - 1) / chunks;
        Parallelism.forEach(chunks, c -> walk(c * chunk, Math.min(size, (c + 1) * chunk),
                perChunk.get()));
    }

    private void walk(long from, long to, Segment segment) {
        int rank = shape.length;
        int k = offsets.length;
        int[] index = new int[rank];
        long rest = from;
        for (int axis = rank - 1; axis >= 0; axis--) {
            index[axis] = (int) (rest % shape[axis]);
            rest /= shape[axis];
        }
        int[] starts = new int[k];
        long position = from;
        while (position < to) {
            for (int i = 0; i < k; i++) {
                int start = offsets[i];
                for (int axis = 0; axis < rank; axis++) {
                    start += index[axis] * strides[i][axis];
                }
                starts[i] = start;
            }
            int length = (int) Math.min(shape[rank - 1] - index[rank - 1], to - position);
            segment.run(starts, length);
            position += length;
            index[rank - 1] += length;
            for (int axis = rank - 1; axis > 0 && index[axis] == shape[axis]; axis--) {
                index[axis] = 0;
                index[axis - 1]++;
            }
        }
    }
}
