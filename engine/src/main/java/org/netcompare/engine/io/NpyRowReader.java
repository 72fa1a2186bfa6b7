package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a C-order .npy file a block of rows at a time, so that a large array of samples passes
 * through in bounded memory (the reading twin of {@link NpyWriter}). Row i is
 * {@code array[i, ...]}; the blocks come in order.
 */
public final class NpyRowReader implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final ArrayInfo info;
    private final int rowSize;
    private int next;

    private NpyRowReader(Path file, FileChannel channel, ArrayInfo info) {
        this.file = file;
        this.channel = channel;
        this.info = info;
        int[] shape = info.shape();
        long size = 1;
        for (int i = 1; i < shape.length; i++) {
            size *= shape[i];
        }
        this.rowSize = (int) size;
    }

    /**
     * Opens the file and reads its header.
     *
     * @throws FileFormatException naming the file if it is malformed, holds a scalar, or is
     *     stored in Fortran order (whose rows are not contiguous)
     */
    public static NpyRowReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ArrayInfo info = NpyHeader.read(channel, channel.size(), file);
            if (info.shape().length == 0) {
                throw new FileFormatException(file, "holds a scalar, not rows");
            }
            if (info.fortranOrder() && info.shape().length > 1) {
                throw new FileFormatException(file, "is stored in Fortran order and cannot be"
                        + " read row by row; save it with numpy.ascontiguousarray");
            }
            return new NpyRowReader(file, channel, info);
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /** The header: element type and the shape of the whole array. */
    public ArrayInfo info() {
        return info;
    }

    /** Number of rows, the first size of the shape. */
    public int rows() {
        return info.shape()[0];
    }

    /** Rows not read yet. */
    public int remaining() {
        return rows() - next;
    }

    /**
     * The next {@code min(count, remaining())} rows, {@code [rows, ...shape[1:]]}, in the
     * file's element type.
     *
     * @throws FileFormatException if the file ends before the rows its header promises
     */
    public NdArray read(int count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("row count must not be negative, got " + count);
        }
        int rows = Math.min(count, remaining());
        int[] shape = info.shape();
        shape[0] = rows;
        int elements = Math.multiplyExact(rows, rowSize);
        DType type = info.dtype();
        Object data = type.storage().allocate(elements);
        long held = ElementStreams.read(channel, info.byteOrder(), type, data, elements);
        long wanted = (long) elements * type.itemSize();
        if (held < wanted) {
            throw new FileFormatException(file, "truncated: the header promises "
                    + info.dataBytes() + " bytes of data, the file ends after "
                    + ((long) next * rowSize * type.itemSize() + held));
        }
        next += rows;
        return new NdArray(type, shape, data);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
