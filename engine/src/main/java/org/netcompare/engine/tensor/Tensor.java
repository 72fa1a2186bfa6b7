package org.netcompare.engine.tensor;

import java.util.Arrays;

/**
 * A float32 n-dimensional array: one flat {@code float[]}, a shape, strides (in elements) and an
 * offset into the storage.
 *
 * <p>Movement operations ({@link #reshape}, {@link #transpose}, {@link #permute}, {@link #slice})
 * return views that share the storage and copy nothing. A kernel that needs densely packed
 * row-major data asks for it once with {@link #contiguous()}; {@link #reshape} of a
 * non-contiguous view is refused rather than silently copied, so no hot path pays for a hidden
 * copy. Row-major (C order) throughout, NCHW for images, as PyTorch lays tensors out.
 */
public final class Tensor {

    private final float[] data;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private Tensor(float[] data, int[] shape, int[] strides, int offset) {
        this.data = data;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** A new zero-filled contiguous tensor. */
    public static Tensor zeros(int... shape) {
        int[] copy = checkedShape(shape);
        return new Tensor(new float[Math.toIntExact(count(copy))], copy, rowMajorStrides(copy), 0);
    }

    /** Wraps {@code data} (not copied) as a contiguous tensor of the given shape. */
    public static Tensor wrap(float[] data, int... shape) {
        int[] copy = checkedShape(shape);
        if (count(copy) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(copy) + " holds "
                    + count(copy) + " elements but the array has " + data.length);
        }
        return new Tensor(data, copy, rowMajorStrides(copy), 0);
    }

    /** Wraps storage with explicit strides and offset; the caller vouches they stay in bounds. */
    public static Tensor view(float[] data, int[] shape, int[] strides, int offset) {
        int[] s = checkedShape(shape);
        if (strides.length != s.length) {
            throw new IllegalArgumentException("shape and strides differ in rank");
        }
        Tensor t = new Tensor(data, s, strides.clone(), offset);
        t.checkInBounds();
        return t;
    }

    public int rank() {
        return shape.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Size of one axis; negative axes count from the end. */
    public int dim(int axis) {
        return shape[normaliseAxis(axis)];
    }

    public int[] strides() {
        return strides.clone();
    }

    /** Stride of one axis in elements; negative axes count from the end. */
    public int stride(int axis) {
        return strides[normaliseAxis(axis)];
    }

    public int offset() {
        return offset;
    }

    /** The backing storage, shared with every view of it. */
    public float[] data() {
        return data;
    }

    /** Number of elements. */
    public int size() {
        return (int) count(shape);
    }

    /** True when the elements lie densely in row-major order from {@link #offset()}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && strides[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    public float get(int... index) {
        return data[storageIndex(index)];
    }

    public void set(float value, int... index) {
        data[storageIndex(index)] = value;
    }

    /**
     * A view with a new shape over the same elements; one axis may be -1 and is inferred.
     *
     * @throws IllegalStateException if this tensor is not contiguous (call {@link #contiguous()})
     */
    public Tensor reshape(int... newShape) {
        int[] resolved = resolveShape(newShape);
        if (!isContiguous()) {
            throw new IllegalStateException("reshape of a non-contiguous view "
                    + Arrays.toString(shape) + ": call contiguous() first");
        }
        return new Tensor(data, resolved, rowMajorStrides(resolved), offset);
    }

    /** A view with axes {@code a} and {@code b} swapped. */
    public Tensor transpose(int a, int b) {
        int[] order = new int[shape.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int x = normaliseAxis(a);
        int y = normaliseAxis(b);
        order[x] = y;
        order[y] = x;
        return permute(order);
    }

    /** A view whose axis i is this tensor's axis {@code order[i]}. */
    public Tensor permute(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permutation " + Arrays.toString(order)
                    + " does not match rank " + shape.length);
        }
        boolean[] seen = new boolean[order.length];
        int[] newShape = new int[order.length];
        int[] newStrides = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            int axis = normaliseAxis(order[i]);
            if (seen[axis]) {
                throw new IllegalArgumentException("axis " + axis + " repeated in "
                        + Arrays.toString(order));
            }
            seen[axis] = true;
            newShape[i] = shape[axis];
            newStrides[i] = strides[axis];
        }
        return new Tensor(data, newShape, newStrides, offset);
    }

    /** A view of the elements {@code from <= i < to} along {@code axis}. */
    public Tensor slice(int axis, int from, int to) {
        int ax = normaliseAxis(axis);
        if (from < 0 || to > shape[ax] || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of axis " + ax
                    + " with size " + shape[ax]);
        }
        int[] newShape = shape.clone();
        newShape[ax] = to - from;
        return new Tensor(data, newShape, strides.clone(), offset + from * strides[ax]);
    }

    /**
     * A broadcast view with the given shape, NumPy's {@code broadcast_to}: shapes are aligned at
     * their last axes, missing leading axes are added, and an axis of size 1 may grow to any size
     * by repeating its one element (stride 0). Nothing is copied; do not write through the view.
     *
     * @throws IllegalArgumentException if this shape does not broadcast to {@code newShape}
     */
    public Tensor expand(int... newShape) {
        int[] target = checkedShape(newShape);
        int lead = target.length - shape.length;
        if (lead < 0) {
            throw new IllegalArgumentException("cannot expand " + Arrays.toString(shape) + " to "
                    + Arrays.toString(target) + ": fewer axes");
        }
        int[] newStrides = new int[target.length];
        for (int axis = 0; axis < shape.length; axis++) {
            int size = shape[axis];
            if (size == target[lead + axis]) {
                newStrides[lead + axis] = strides[axis];
            } else if (size != 1) {
                throw new IllegalArgumentException("cannot expand " + Arrays.toString(shape)
                        + " to " + Arrays.toString(target) + ": axis " + axis + " has size "
                        + size);
            }
        }
        return new Tensor(data, target, newStrides, offset);
    }

    /**
     * A view with a new axis of size 1 inserted before {@code axis}; {@code axis} may equal the
     * rank (append), negative values count from rank + 1 as in NumPy's {@code expand_dims}.
     */
    public Tensor unsqueeze(int axis) {
        int ax = axis < 0 ? axis + shape.length + 1 : axis;
        if (ax < 0 || ax > shape.length) {
            throw new IllegalArgumentException("axis " + axis + " outside [0, " + shape.length
                    + "] for unsqueeze");
        }
        int[] newShape = new int[shape.length + 1];
        int[] newStrides = new int[shape.length + 1];
        for (int i = 0, source = 0; i < newShape.length; i++) {
            if (i == ax) {
                newShape[i] = 1;
                // The stride a contiguous tensor would have there, so contiguity is unchanged.
                newStrides[i] = ax < shape.length ? strides[ax] * shape[ax] : 1;
            } else {
                newShape[i] = shape[source];
                newStrides[i] = strides[source];
                source++;
            }
        }
        return new Tensor(data, newShape, newStrides, offset);
    }

    /** This tensor if it is contiguous, otherwise a contiguous copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** A contiguous copy with its own storage. */
    public Tensor copy() {
        float[] out = new float[size()];
        copyInto(out);
        return new Tensor(out, shape.clone(), rowMajorStrides(shape), 0);
    }

    /** The elements in row-major order, as a new array. */
    public float[] toArray() {
        float[] out = new float[size()];
        copyInto(out);
        return out;
    }

    private void copyInto(float[] out) {
        if (isContiguous()) {
            System.arraycopy(data, offset, out, 0, out.length);
            return;
        }
        int[] index = new int[shape.length];
        for (int i = 0; i < out.length; i++) {
            int position = offset;
            for (int axis = 0; axis < shape.length; axis++) {
                position += index[axis] * strides[axis];
            }
            out[i] = data[position];
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                if (++index[axis] < shape[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
    }

    private int storageIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length
                    + " for a tensor of rank " + shape.length);
        }
        int position = offset;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
                        + " outside shape " + Arrays.toString(shape));
            }
            position += index[axis] * strides[axis];
        }
        return position;
    }

    private int normaliseAxis(int axis) {
        int ax = axis < 0 ? axis + shape.length : axis;
        if (ax < 0 || ax >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " outside rank " + shape.length);
        }
        return ax;
    }

    private int[] resolveShape(int[] newShape) {
        int inferred = -1;
        long known = 1;
        int[] out = newShape.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("only one axis may be -1 in "
                            + Arrays.toString(newShape));
                }
                inferred = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("negative size in " + Arrays.toString(newShape));
            } else {
                known *= out[i];
            }
        }
        long total = count(shape);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new IllegalArgumentException("cannot infer -1 in " + Arrays.toString(newShape)
                        + " for " + total + " elements");
            }
            out[inferred] = (int) (total / known);
        } else if (known != total) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape)
                    + " to " + Arrays.toString(newShape));
        }
        return out;
    }

    private void checkInBounds() {
        long low = offset;
        long high = offset;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == 0) {
                return;
            }
            long reach = (long) (shape[axis] - 1) * strides[axis];
            if (reach < 0) {
                low += reach;
            } else {
                high += reach;
            }
        }
        if (low < 0 || high >= data.length) {
            throw new IndexOutOfBoundsException("view " + Arrays.toString(shape) + " strides "
                    + Arrays.toString(strides) + " offset " + offset + " leaves an array of "
                    + data.length);
        }
    }

    private static int[] checkedShape(int[] shape) {
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative size in " + Arrays.toString(shape));
            }
        }
        if (count(shape) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                    + " exceeds the 2^31 elements one array can hold");
        }
        return shape.clone();
    }

    static long count(int[] shape) {
        long n = 1;
        for (int size : shape) {
            n *= size;
        }
        return n;
    }

    static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
