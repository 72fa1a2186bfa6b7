package org.netcompare.engine.io;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a file's header says about one array, checked against the file's length: element type,
 * shape, where the data starts and how it is laid out. Read with {@link Npy#inspect} before
 * deciding whether an array fits in memory.
 *
 * @param dtype element type
 * @param shape the array's shape, whichever order the file stores it in ({@link Npy#read}
 *     returns it row-major)
 * @param byteOrder byte order of the elements in the file
 * @param fortranOrder true when the file stores the array column-major
 * @param dataOffset byte offset of the first element from the start of the file
 */
public record ArrayInfo(DType dtype, int[] shape, ByteOrder byteOrder, boolean fortranOrder,
        long dataOffset) {

    public ArrayInfo {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long size() {
        return NdArray.elementCount(shape);
    }

    /** Bytes of element data. */
    public long dataBytes() {
        return size() * dtype.itemSize();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayInfo that && dtype == that.dtype
                && Arrays.equals(shape, that.shape) && byteOrder.equals(that.byteOrder)
                && fortranOrder == that.fortranOrder && dataOffset == that.dataOffset;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + dtype.hashCode() + Long.hashCode(dataOffset);
    }

    @Override
    public String toString() {
        return "ArrayInfo[" + dtype + " " + Arrays.toString(shape) + " " + byteOrder
                + (fortranOrder ? " fortran" : "") + " at " + dataOffset + "]";
    }
}
