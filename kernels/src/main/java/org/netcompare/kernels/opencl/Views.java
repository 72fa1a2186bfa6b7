package org.netcompare.kernels.opencl;

import java.util.Arrays;
import org.netcompare.engine.tensor.Tensor;

/** Host-side facts about tensor views that the device launches need. */
final class Views {

    private Views() {
    }

    /**
     * The storage range {start, length} a view touches: the span from its lowest to its highest
     * element, gaps included, so uploading it lets a kernel address every element through the
     * view's own strides.
     */
    static int[] extent(Tensor t) {
        int low = t.offset();
        int high = t.offset();
        for (int axis = 0; axis < t.rank(); axis++) {
            long reach = (long) (t.dim(axis) - 1) * t.stride(axis);
            if (reach < 0) {
                low += (int) reach;
            } else {
                high += (int) reach;
            }
        }
        return new int[] {low, high - low + 1};
    }

    /**
     * The layout array elementwise.cl reads: {rank, shape..., strides of each operand...}; all
     * operands have {@code shape} (broadcast inputs already expanded to it). Axes of size 1 are
     * dropped and neighbouring axes that every operand steps through as one are merged (outer
     * stride = inner stride x inner size), so contiguous operands become one axis and the
     * kernel's index arithmetic shrinks with them; the row-major element order is unchanged.
     */
    static int[] layout(int[] shape, Tensor... operands) {
        int[] sizes = new int[shape.length];
        int[][] strides = new int[operands.length][shape.length];
        int rank = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == 1) {
                continue;
            }
            boolean merges = rank > 0;
            for (int o = 0; o < operands.length && merges; o++) {
                merges = strides[o][rank - 1] == operands[o].stride(axis) * shape[axis];
            }
            if (merges) {
                sizes[rank - 1] *= shape[axis];
            } else {
                sizes[rank++] = shape[axis];
            }
            for (int o = 0; o < operands.length; o++) {
                strides[o][rank - 1] = operands[o].stride(axis);
            }
        }
        int[] layout = new int[1 + rank * (1 + operands.length)];
        layout[0] = rank;
        System.arraycopy(sizes, 0, layout, 1, rank);
        for (int o = 0; o < operands.length; o++) {
            System.arraycopy(strides[o], 0, layout, 1 + rank * (1 + o), rank);
        }
        return layout;
    }

    /** Writes {@code values} (row-major over target's shape) into the view {@code target}. */
    static void scatter(float[] values, Tensor target) {
        int[] shape = target.shape();
        int[] strides = target.strides();
        float[] data = target.data();
        int[] index = new int[shape.length];
        int position = target.offset();
        for (float value : values) {
            data[position] = value;
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                position += strides[axis];
                if (++index[axis] < shape[axis]) {
                    break;
                }
                position -= strides[axis] * shape[axis];
                index[axis] = 0;
            }
        }
    }

    /** Refuses an output that repeats elements (a stride-0 broadcast view), as the CPU does. */
    static void requireWritable(String operation, Tensor out) {
        for (int axis = 0; axis < out.rank(); axis++) {
            if (out.dim(axis) > 1 && out.stride(axis) == 0) {
                throw new IllegalArgumentException(operation + ": output " + Arrays.toString(
                        out.shape()) + " is a broadcast view (stride 0 on axis " + axis + ")");
            }
        }
    }

    /** Product of the sizes before {@code axis}. */
    static int before(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** Product of the sizes after {@code axis}. */
    static int after(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }
}
