package org.netcompare.engine.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * IDX files, the format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE", file
 * formats section): two zero bytes, a type code, the number of dimensions, each dimension as a
 * big-endian 32-bit integer, then the elements big-endian in row-major order. Gzip-compressed
 * files ({@code train-images-idx3-ubyte.gz}) are recognised by their magic bytes
 * {@code 1f 8b}, whatever their name.
 */
public final class Idx {

    private static final int GZIP_MAGIC = 0x1f8b;

    private Idx() {
    }

    /**
     * Reads the array: {@code [n, rows, cols]} {@link DType#U8} for images, {@code [n]} for labels.
     *
     * @throws FileFormatException naming the file if the magic, the type code or the dimensions
     *     are wrong, or the data is shorter or longer than the dimensions say
     */
    public static NdArray read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            boolean gzip = ((first << 8) | second) == GZIP_MAGIC;
            long length = gzip ? -1 : Files.size(file);
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return read(Channels.newChannel(in), length, file);
            } catch (EOFException e) {
                throw new FileFormatException(file, "truncated gzip stream", e);
            } catch (ZipException e) {
                throw new FileFormatException(file, "corrupt gzip stream (" + e.getMessage()
                        + ")", e);
            }
        }
    }

    private static NdArray read(ReadableByteChannel in, long length, Path file)
            throws IOException {
        ByteBuffer magic = NpyHeader.readFully(in, 4, file, "the magic number");
        DType type = typeOf(magic.get(2) & 0xFF);
        int rank = magic.get(3) & 0xFF;
        if (magic.get(0) != 0 || magic.get(1) != 0 || type == null || rank == 0) {
            throw new FileFormatException(file, "not an IDX file: it starts with "
                    + NpyHeader.hex(Arrays.copyOf(magic.array(), 4))
                    + "; IDX starts 00 00, a type code (08 09 0b 0c 0d 0e) and a rank of at"
                    + " least 1");
        }
        ByteBuffer dims = NpyHeader.readFully(in, 4 * rank, file, "the dimensions")
                .order(ByteOrder.BIG_ENDIAN);
        long[] sizes = new long[rank];
        for (int i = 0; i < rank; i++) {
            sizes[i] = dims.getInt() & 0xFFFFFFFFL;
        }
        long count = NdArray.elementCount(sizes);
        if (count < 0 || Arrays.stream(sizes).anyMatch(s -> s > Integer.MAX_VALUE)) {
            throw new FileFormatException(file, "dimensions " + Arrays.toString(sizes)
                    + " hold more elements than one array can (" + NdArray.MAX_ELEMENTS + ")");
        }
        long promised = count * type.itemSize();
        long headerBytes = 4 + 4L * rank;
        if (length >= 0) {
            NpyHeader.checkDataLength(file, promised, length - headerBytes);
        }
        Object data = type.storage().allocate((int) count);
        long held = ElementStreams.read(in, ByteOrder.BIG_ENDIAN, type, data, (int) count);
        if (held < promised) {
            NpyHeader.checkDataLength(file, promised, held);
        }
        if (!ElementStreams.atEnd(in)) {
            throw new FileFormatException(file, "extra data: dimensions promise " + promised
                    + " bytes of data, the file holds more");
        }
        int[] shape = Arrays.stream(sizes).mapToInt(s -> (int) s).toArray();
        return new NdArray(type, shape, data);
    }

    private static DType typeOf(int code) {
        return switch (code) {
            case 0x08 -> DType.U8;
            case 0x09 -> DType.I8;
            case 0x0B -> DType.I16;
            case 0x0C -> DType.I32;
            case 0x0D -> DType.F32;
            case 0x0E -> DType.F64;
            default -> null;
        };
    }
}
