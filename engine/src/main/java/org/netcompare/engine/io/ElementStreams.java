package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Moving array elements between channels and primitive arrays through one reusable buffer. */
final class ElementStreams {

    /** 1 MiB: large enough that system calls cost nothing, small enough to stay in cache. */
    private static final int CHUNK_BYTES = 1 << 20;

    private ElementStreams() {
    }

    /**
     * Reads {@code count} elements of {@code type} stored in {@code order} into {@code array}.
     *
     * @return the number of bytes read, less than {@code count * itemSize} when the channel ends
     *     first (the array's contents are then unspecified)
     */
    static long read(ReadableByteChannel in, ByteOrder order, DType type, Object array, int count)
            throws IOException {
        int size = type.itemSize();
        ByteBuffer buffer = buffer(order, count, size);
        int perChunk = buffer.capacity() / size;
        long bytes = 0;
        for (int done = 0; done < count; ) {
            int n = Math.min(perChunk, count - done);
            buffer.clear().limit(n * size);
            while (buffer.hasRemaining()) {
                if (in.read(buffer) < 0) {
                    return bytes + buffer.position();
                }
            }
            buffer.flip();
            type.storage().decode(buffer, array, done, n);
            bytes += (long) n * size;
            done += n;
        }
        return bytes;
    }

    /** Writes {@code array[offset...offset+count)} as elements of {@code type} in {@code order}. */
    static void write(WritableByteChannel out, ByteOrder order, DType type, Object array,
            int offset, int count) throws IOException {
        int size = type.itemSize();
        ByteBuffer buffer = buffer(order, count, size);
        int perChunk = buffer.capacity() / size;
        for (int done = 0; done < count; ) {
            int n = Math.min(perChunk, count - done);
            buffer.clear();
            type.storage().encode(array, offset + done, n, buffer);
            buffer.flip();
            writeFully(out, buffer);
            done += n;
        }
    }

    /** A direct buffer of one chunk, or less for small arrays (many small tensors are common). */
    private static ByteBuffer buffer(ByteOrder order, int count, int size) {
        int bytes = (int) Math.min(CHUNK_BYTES, Math.max(8, (long) count * size));
        return ByteBuffer.allocateDirect(bytes).order(order);
    }

    static void writeFully(WritableByteChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** True when the channel has no byte left. */
    static boolean atEnd(ReadableByteChannel in) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        int n;
        do {
            n = in.read(one);
        } while (n == 0);
        return n < 0;
    }
}
