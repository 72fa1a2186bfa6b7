package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams rows of a {@code [n, trailingShape...]} .npy array whose {@code n} is not known up
 * front (activations captured batch by batch). The header is written first with {@code n = 0};
 * NumPy's growth padding (see {@link NpyHeader#encode}) keeps its length whatever {@code n}
 * becomes, so {@link #finish()} rewrites it in place and renames the file onto its target.
 * Closing without {@link #finish()} deletes the temporary file and leaves the target as it was.
 *
 * <pre>{@code
 * try (NpyWriter out = NpyWriter.create(path, DType.F32, 16, 5, 5)) {
 *     for (float[] batch : batches) {
 *         out.append(batch);             // any whole number of 16*5*5 rows
 *     }
 *     out.finish();
 * }
 * }</pre>
 */
public final class NpyWriter implements AutoCloseable {

    private final PendingFile pending;
    private final DType dtype;
    private final int[] trailingShape;
    private final int rowSize;
    private final int headerLength;
    private long rows;
    private boolean finished;
    private boolean broken;

    private NpyWriter(PendingFile pending, DType dtype, int[] trailingShape, int headerLength) {
        this.pending = pending;
        this.dtype = dtype;
        this.trailingShape = trailingShape;
        this.rowSize = (int) NdArray.elementCount(trailingShape);
        this.headerLength = headerLength;
    }

    /**
     * Starts writing {@code file} (through a temporary file beside it).
     *
     * @param dtype {@link DType#F32} or {@link DType#F64}
     * @param trailingShape the shape of one row, every size positive
     */
    public static NpyWriter create(Path file, DType dtype, int... trailingShape)
            throws IOException {
        if (dtype != DType.F32 && dtype != DType.F64) {
            throw new IllegalArgumentException("NpyWriter writes F32 or F64, not " + dtype);
        }
        long rowSize = NdArray.elementCount(trailingShape);
        if (rowSize <= 0) {
            throw new IllegalArgumentException("row shape " + Arrays.toString(trailingShape)
                    + " must have positive sizes and fit one array");
        }
        byte[] header = NpyHeader.encode(dtype, shapeWithRows(0, trailingShape));
        PendingFile pending = PendingFile.create(file);
        try {
            ElementStreams.writeFully(pending.channel(), ByteBuffer.wrap(header));
            return new NpyWriter(pending, dtype, trailingShape.clone(), header.length);
        } catch (IOException | RuntimeException | Error e) {
            pending.close();
            throw e;
        }
    }

    /** Appends whole rows, row-major: {@code values.length} must be a multiple of the row size. */
    public void append(float[] values) throws IOException {
        checkAppend(values.length);
        if (dtype == DType.F32) {
            write(values, values.length);
        } else {
            double[] wide = new double[values.length];
            for (int i = 0; i < wide.length; i++) {
                wide[i] = values[i];
            }
            write(wide, wide.length);
        }
    }

    /** Appends whole rows given in float64 (rounded to nearest when the file is F32). */
    public void append(double[] values) throws IOException {
        checkAppend(values.length);
        if (dtype == DType.F64) {
            write(values, values.length);
        } else {
            float[] narrow = new float[values.length];
            for (int i = 0; i < narrow.length; i++) {
                narrow[i] = (float) values[i];
            }
            write(narrow, narrow.length);
        }
    }

    private void write(Object values, int count) throws IOException {
        broken = true; // until the rows are wholly written: a partial row would corrupt the file
        ElementStreams.write(pending.channel(), ByteOrder.LITTLE_ENDIAN, dtype, values, 0, count);
        rows += count / rowSize;
        broken = false;
    }

    /** Rows appended so far. */
    public long rows() {
        return rows;
    }

    /** Writes the final row count into the header and moves the file onto its target. */
    public void finish() throws IOException {
        if (finished || broken) {
            throw new IllegalStateException(finished ? "finish() called twice"
                    : "an append failed; the file is incomplete");
        }
        byte[] header = NpyHeader.encode(dtype, shapeWithRows(rows, trailingShape));
        if (header.length != headerLength) {
            throw new IllegalStateException("header grew from " + headerLength + " to "
                    + header.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += pending.channel().write(buffer, position);
        }
        pending.commit();
        finished = true;
    }

    /** Deletes the temporary file unless {@link #finish()} succeeded. */
    @Override
    public void close() throws IOException {
        pending.close();
    }

    private void checkAppend(int length) {
        if (finished || broken) {
            throw new IllegalStateException(finished ? "append after finish()"
                    : "an earlier append failed; the file is incomplete");
        }
        if (length % rowSize != 0) {
            throw new IllegalArgumentException(length + " values are not whole rows of "
                    + Arrays.toString(trailingShape));
        }
        if ((rows + length / rowSize) * rowSize > NdArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("appending " + length / rowSize + " rows to "
                    + rows + " would exceed the " + NdArray.MAX_ELEMENTS
                    + " elements one array can hold");
        }
    }

    private static long[] shapeWithRows(long rows, int[] trailingShape) {
        long[] shape = new long[trailingShape.length + 1];
        shape[0] = rows;
        for (int i = 0; i < trailingShape.length; i++) {
            shape[i + 1] = trailingShape[i];
        }
        return shape;
    }
}
