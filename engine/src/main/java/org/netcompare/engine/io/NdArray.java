package org.netcompare.engine.io;

import java.util.Arrays;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

/**
 * An n-dimensional array as it lies in a file: an element type, a shape and the elements in
 * row-major (C) order, each kept in a Java primitive of its own width (see {@link DType}) so
 * that reading and writing back is bit-exact. Conversions to {@link Tensor} and {@link Matrix}
 * happen on request.
 *
 * <p>The factories share the caller's array, and {@link #toTensor()} of an {@code F32} array and
 * {@link #toMatrix()} of an {@code F64} array share this array's storage: activations of a few
 * hundred megabytes are not copied twice.
 */
public final class NdArray {

    /** The most elements one Java array can hold on common JVMs. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final DType dtype;
    private final int[] shape;
    private final Object data;

    /** Wraps {@code data}, which must be of {@code dtype}'s storage type and hold the shape. */
    NdArray(DType dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
        long count = elementCount(this.shape);
        if (count < 0) {
            throw new IllegalArgumentException("invalid shape " + Arrays.toString(shape));
        }
        int length = dtype.storage().length(data);
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + count + " elements but the array has " + length);
        }
    }

    /** A float32 array sharing {@code values} (row-major, length = product of shape). */
    public static NdArray ofFloats(float[] values, int... shape) {
        return new NdArray(DType.F32, shape, values);
    }

    /** A float64 array sharing {@code values}. */
    public static NdArray ofDoubles(double[] values, int... shape) {
        return new NdArray(DType.F64, shape, values);
    }

    /** An int32 array sharing {@code values}. */
    public static NdArray ofInts(int[] values, int... shape) {
        return new NdArray(DType.I32, shape, values);
    }

    /** An int64 array sharing {@code values}. */
    public static NdArray ofLongs(long[] values, int... shape) {
        return new NdArray(DType.I64, shape, values);
    }

    /**
     * Number of elements of a shape, or -1 if a size is negative or the product exceeds
     * {@link #MAX_ELEMENTS}.
     */
    static long elementCount(long[] shape) {
        for (long size : shape) {
            if (size < 0) {
                return -1;
            }
            if (size == 0) {
                return 0;
            }
        }
        long count = 1;
        for (long size : shape) {
            if (count > MAX_ELEMENTS / size) {
                return -1;
            }
            count *= size;
        }
        return count;
    }

    static long elementCount(int[] shape) {
        return elementCount(Arrays.stream(shape).asLongStream().toArray());
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return dtype.storage().length(data);
    }

    /** The storage array, shared: {@code byte[]}, {@code short[]}, ... as {@link DType} says. */
    Object data() {
        return data;
    }

    /**
     * A float64 matrix of {@code [shape[0], product of the other sizes]}: samples by features for
     * {@code [samples, features...]} data; a rank-1 array becomes a column {@code [n, 1]}, a
     * scalar {@code [1, 1]}. Shares the storage of an {@code F64} array.
     */
    public Matrix toMatrix() {
        int rows = shape.length == 0 ? 1 : shape[0];
        int cols = rows == 0 ? (int) elementCount(Arrays.copyOfRange(shape, 1, shape.length))
                : (int) (size() / rows);
        double[] values = dtype == DType.F64 ? (double[]) data : toDoubleArray();
        return Matrix.wrap(rows, cols, values);
    }

    /** A float32 tensor of the same shape; shares the storage of an {@code F32} array. */
    public Tensor toTensor() {
        float[] values = dtype == DType.F32 ? (float[]) data : toFloatArray();
        return Tensor.wrap(values, shape);
    }

    /** The elements as float64 in a new array (exact for every type but I64 beyond 2^53). */
    public double[] toDoubleArray() {
        int n = (int) size();
        double[] out = new double[n];
        switch (dtype) {
            case F64 -> System.arraycopy(data, 0, out, 0, n);
            case F32 -> {
                float[] v = (float[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i];
                }
            }
            case F16, BF16 -> {
                float[] v = toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[i] = v[i];
                }
            }
            default -> {
                long[] v = toLongArray();
                for (int i = 0; i < n; i++) {
                    out[i] = v[i];
                }
            }
        }
        return out;
    }

    /** The elements as float32 in a new array (rounded to nearest from wider types). */
    public float[] toFloatArray() {
        int n = (int) size();
        float[] out = new float[n];
        switch (dtype) {
            case F32 -> System.arraycopy(data, 0, out, 0, n);
            case F16 -> {
                short[] v = (short[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = HalfPrecision.halfToFloat(v[i]);
                }
            }
            case BF16 -> {
                short[] v = (short[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = HalfPrecision.bfloat16ToFloat(v[i]);
                }
            }
            default -> {
                double[] v = toDoubleArray();
                for (int i = 0; i < n; i++) {
                    out[i] = (float) v[i];
                }
            }
        }
        return out;
    }

    /**
     * The elements of an integer or boolean array (true = 1) as int64, unsigned types read as
     * unsigned.
     *
     * @throws IllegalStateException for a floating-point array
     */
    public long[] toLongArray() {
        int n = (int) size();
        long[] out = new long[n];
        switch (dtype) {
            case BOOL -> {
                byte[] v = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i] != 0 ? 1 : 0;
                }
            }
            case I8 -> {
                byte[] v = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i];
                }
            }
            case U8 -> {
                byte[] v = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i] & 0xFF;
                }
            }
            case I16 -> {
                short[] v = (short[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i];
                }
            }
            case U16 -> {
                short[] v = (short[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i] & 0xFFFF;
                }
            }
            case I32 -> {
                int[] v = (int[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i];
                }
            }
            case U32 -> {
                int[] v = (int[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = v[i] & 0xFFFFFFFFL;
                }
            }
            case I64 -> System.arraycopy(data, 0, out, 0, n);
            default -> throw new IllegalStateException(dtype + " array has no integer view");
        }
        return out;
    }

    /**
     * The elements as int32, for labels and indices. Integer types must fit an int; a
     * floating-point array is accepted when every element is a whole number in int range
     * (labels saved as float64 are common).
     *
     * @throws IllegalArgumentException naming the first element that is not such an int
     */
    public int[] toIntArray() {
        int n = (int) size();
        int[] out = new int[n];
        if (dtype.isFloatingPoint()) {
            double[] v = toDoubleArray();
            for (int i = 0; i < n; i++) {
                if (v[i] != Math.rint(v[i]) || v[i] < Integer.MIN_VALUE
                        || v[i] > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("element " + i + " of a " + dtype
                            + " array is " + v[i] + ", not an int");
                }
                out[i] = (int) v[i];
            }
            return out;
        }
        long[] v = toLongArray();
        for (int i = 0; i < n; i++) {
            if (v[i] != (int) v[i]) {
                throw new IllegalArgumentException("element " + i + " of a " + dtype
                        + " array is " + v[i] + ", beyond int range");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    /**
     * This array's values in a floating-point type: F64 exactly, F32 rounded to nearest, F16 and
     * BF16 rounded to nearest even (see {@link HalfPrecision}), e.g. to save weights in half
     * precision. Returns this array when it already has that type.
     */
    public NdArray toFloatingPoint(DType target) {
        if (target == dtype) {
            return this;
        }
        switch (target) {
            case F64:
                return new NdArray(target, shape, toDoubleArray());
            case F32:
                return new NdArray(target, shape, toFloatArray());
            case F16:
            case BF16:
                float[] values = toFloatArray();
                short[] bits = new short[values.length];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = target == DType.F16 ? HalfPrecision.floatToHalf(values[i])
                            : HalfPrecision.floatToBfloat16(values[i]);
                }
                return new NdArray(target, shape, bits);
            default:
                throw new IllegalArgumentException(target + " is not a floating-point type");
        }
    }

    @Override
    public String toString() {
        return "NdArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
