package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files laid out byte by byte here, from the format description on the MNIST page. */
class IdxTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return TestFiles.write(dir, name, bytes);
    }

    /** Magic 00 00 type rank, the dimensions big-endian, then {@code data} as given. */
    private static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        out.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            out.putInt(d);
        }
        return out.put(data).array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    /** Two 2 x 3 "images" of unsigned bytes 0, 40, ..., 440 mod 256, as MNIST stores pixels. */
    private static byte[] images() {
        byte[] pixels = new byte[12];
        for (int i = 0; i < 12; i++) {
            pixels[i] = (byte) (40 * i);
        }
        return idx(0x08, new int[] {2, 2, 3}, pixels);
    }

    private static int[] expectedPixels() {
        int[] values = new int[12];
        Arrays.setAll(values, i -> (40 * i) & 0xFF);
        return values;
    }

    @Test
    void readsUnsignedBytePlainAndGzipByContentNotName() throws IOException {
        for (Path path : new Path[] {file("images-idx3-ubyte", images()),
            file("images.idx", gzip(images())), file("images-idx3-ubyte.gz", images())}) {
            NdArray array = Idx.read(path);
            assertEquals(DType.U8, array.dtype());
            assertArrayEquals(new int[] {2, 2, 3}, array.shape());
            assertArrayEquals(expectedPixels(), array.toIntArray());
        }
    }

    @Test
    void readsTheWiderTypesBigEndian() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).putShort((short) -2).putShort((short) 300);
        assertArrayEquals(new int[] {-2, 300}, Idx.read(file("s", idx(0x0B, new int[] {2},
                Arrays.copyOf(data.array(), 4)))).toIntArray());
        data = ByteBuffer.allocate(8).putInt(-70000).putInt(60000);
        assertArrayEquals(new int[] {-70000, 60000}, Idx.read(file("i", idx(0x0C, new int[] {2},
                data.array()))).toIntArray());
        data = ByteBuffer.allocate(8).putFloat(0.25f).putFloat(-3e7f);
        NdArray floats = Idx.read(file("f", idx(0x0D, new int[] {1, 2}, data.array())));
        assertEquals(DType.F32, floats.dtype());
        assertArrayEquals(new float[] {0.25f, -3e7f}, floats.toFloatArray());
        data = ByteBuffer.allocate(8).putDouble(Math.E);
        assertArrayEquals(new double[] {Math.E}, Idx.read(file("d", idx(0x0E, new int[] {1},
                data.array()))).toDoubleArray());
        assertArrayEquals(new int[] {-1, 127}, Idx.read(file("b", idx(0x09, new int[] {2},
                new byte[] {-1, 127}))).toIntArray());
    }

    private void assertRejected(Path path, String problem) {
        TestFiles.assertRejected(path, problem, Idx::read);
    }

    @Test
    void rejectsBadHeaders() throws IOException {
        byte[] good = images();
        byte[] magic = good.clone();
        magic[0] = 1;
        assertRejected(file("m", magic), "not an IDX file: it starts with 01 00 08 03");
        byte[] type = good.clone();
        type[2] = 0x0A;
        assertRejected(file("t", type), "not an IDX file");
        assertRejected(file("r", idx(0x08, new int[0], new byte[0])), "not an IDX file");
        assertRejected(file("e", new byte[0]), "the file ends inside the magic number");
        assertRejected(file("dims", Arrays.copyOf(good, 10)), "ends inside the dimensions");
        assertRejected(file("huge", idx(0x08, new int[] {-1, -1}, new byte[0])),
                "dimensions [4294967295, 4294967295] hold more elements");
    }

    @Test
    void rejectsDataOfTheWrongLength() throws IOException {
        byte[] good = images();
        assertRejected(file("short", Arrays.copyOf(good, good.length - 1)),
                "truncated: header promises 12 bytes of data, file holds 11");
        assertRejected(file("long", Arrays.copyOf(good, good.length + 3)),
                "extra data: header promises 12 bytes of data, file holds 15");
        assertRejected(file("short.gz", gzip(Arrays.copyOf(good, good.length - 1))),
                "truncated: header promises 12 bytes of data, file holds 11");
        assertRejected(file("long.gz", gzip(Arrays.copyOf(good, good.length + 1))),
                "extra data");
    }

    @Test
    void gzipShortfallIsFoundWhileStreaming() throws IOException {
        // The length of gzip content is unknown up front: 3 MB of pixels arrive in several
        // chunks and the missing last byte shows only at the end.
        byte[] full = idx(0x08, new int[] {3000, 1000}, new byte[3_000_000]);
        Path path = file("big.gz", gzip(Arrays.copyOf(full, full.length - 1)));
        assertRejected(path,
                "truncated: header promises 3000000 bytes of data, file holds 2999999");
        assertEquals(3_000_000, Idx.read(file("whole.gz", gzip(full))).size());
    }

    @Test
    void rejectsBrokenGzipStreams() throws IOException {
        byte[] zipped = gzip(images());
        assertRejected(file("cut.gz", Arrays.copyOf(zipped, zipped.length - 10)),
                "truncated gzip stream");
        assertRejected(file("header.gz", Arrays.copyOf(zipped, 5)), "truncated gzip stream");
        byte[] garbled = zipped.clone();
        for (int i = 10; i < garbled.length - 8; i++) {
            garbled[i] = (byte) 0xFF;
        }
        assertRejected(file("garbled.gz", garbled), "corrupt gzip stream");
    }
}
