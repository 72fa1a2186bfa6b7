package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; see {@link NpyHeader}): the way
 * users bring activations, images, labels and gradients.
 *
 * <p>Reading accepts little- and big-endian data and Fortran (column-major) order, which is
 * transposed into row-major on read. Writing produces what {@code np.save} does for a
 * C-contiguous little-endian array, through {@link AtomicFiles}.
 */
public final class Npy {

    private Npy() {
    }

    /**
     * Reads the header only: dtype, shape and where the data starts, checked against the file
     * length, so a caller can decide whether the array fits in memory before reading it.
     *
     * @throws FileFormatException naming the file if it is not a well-formed .npy file
     */
    public static ArrayInfo inspect(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return NpyHeader.read(in, in.size(), file);
        }
    }

    /**
     * Reads a whole array, in row-major order whatever the file's order (a Fortran-order file
     * briefly needs twice the array's memory while it is transposed).
     *
     * @throws FileFormatException naming the file and the problem if the file is malformed,
     *     truncated or longer than its header says
     */
    public static NdArray read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(in, in.size(), file);
        }
    }

    /**
     * Reads an array from {@code in}, which must end where the array does.
     *
     * @param length bytes available, or -1 if unknown
     */
    static NdArray read(ReadableByteChannel in, long length, Path file) throws IOException {
        ArrayInfo info = NpyHeader.read(in, length, file);
        DType type = info.dtype();
        int count = (int) info.size();
        Object data = type.storage().allocate(count);
        long held = ElementStreams.read(in, info.byteOrder(), type, data, count);
        if (held < info.dataBytes()) {
            NpyHeader.checkDataLength(file, info.dataBytes(), held);
        }
        if (!ElementStreams.atEnd(in)) {
            throw new FileFormatException(file, "extra data: header promises " + info.dataBytes()
                    + " bytes of data, the file holds more");
        }
        int[] shape = info.shape();
        if (info.fortranOrder() && shape.length > 1) {
            data = fortranToRowMajor(type, data, shape);
        }
        return new NdArray(type, shape, data);
    }

    /** Writes {@code array} as a little-endian C-order .npy file, atomically. */
    public static void write(Path file, NdArray array) throws IOException {
        write(file, array.dtype(), array.shape(), array.data(), 0);
    }

    /** Writes a tensor (a view is written as the elements it shows) as float32. */
    public static void write(Path file, Tensor tensor) throws IOException {
        Tensor dense = tensor.contiguous();
        write(file, DType.F32, dense.shape(), dense.data(), dense.offset());
    }

    /** Writes a matrix as a float64 array of shape {@code [rows, cols]}. */
    public static void write(Path file, Matrix matrix) throws IOException {
        write(file, DType.F64, new int[] {matrix.rows(), matrix.cols()}, matrix.data(), 0);
    }

    private static void write(Path file, DType type, int[] shape, Object data, int offset)
            throws IOException {
        byte[] header = NpyHeader.encode(type, shape);
        int count = (int) NdArray.elementCount(shape);
        try (PendingFile pending = PendingFile.create(file)) {
            writeTo(pending.channel(), header, type, data, offset, count);
            pending.commit();
        }
    }

    static void writeTo(WritableByteChannel out, byte[] header, DType type, Object data,
            int offset, int count) throws IOException {
        ElementStreams.writeFully(out, ByteBuffer.wrap(header));
        ElementStreams.write(out, ByteOrder.LITTLE_ENDIAN, type, data, offset, count);
    }

    /**
     * Reorders column-major elements of {@code shape} into row-major: row-major position p of
     * index (i_0, ..., i_k) reads column-major position sum_j i_j * prod_{m<j} shape_m.
     */
    private static Object fortranToRowMajor(DType type, Object source, int[] shape) {
        int rank = shape.length;
        int count = type.storage().length(source);
        Object target = type.storage().allocate(count);
        int[] stride = new int[rank];
        int s = 1;
        for (int axis = 0; axis < rank; axis++) {
            stride[axis] = s;
            s *= shape[axis];
        }
        int[] index = new int[rank];
        int from = 0;
        for (int to = 0; to < count; to++) {
            System.arraycopy(source, from, target, to, 1);
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++index[axis] < shape[axis]) {
                    from += stride[axis];
                    break;
                }
                from -= (shape[axis] - 1) * stride[axis];
                index[axis] = 0;
            }
        }
        return target;
    }
}
