package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

/** Reads files NumPy wrote ({@link NumpyFiles}) and files broken on purpose. */
class NpyTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return TestFiles.write(dir, name, bytes);
    }

    private Path file(String name, String base64) throws IOException {
        return file(name, NumpyFiles.bytes(base64));
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** A file with a version 1.0 header holding {@code dict}, padded as NumPy pads, then data. */
    private Path withHeader(String name, String dict, int dataBytes) throws IOException {
        int length = dict.length() + 1;
        int padding = 64 - (10 + length) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        byte[] bytes = new byte[10 + header.length() + dataBytes];
        System.arraycopy(NpyHeader.MAGIC, 0, bytes, 0, 6);
        bytes[6] = 1;
        bytes[8] = (byte) header.length();
        bytes[9] = (byte) (header.length() >> 8);
        System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 10,
                header.length());
        return file(name, bytes);
    }

    @Test
    void readsWhatNumpyWrote() throws IOException {
        NdArray array = Npy.read(file("a.npy", NumpyFiles.F4_3X4));
        assertEquals(DType.F32, array.dtype());
        assertArrayEquals(new int[] {3, 4}, array.shape());
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = 0.5f * i;
        }
        assertArrayEquals(expected, array.toFloatArray());
    }

    @Test
    void readsEveryDtypeAndByteOrderNumpyWrites() throws IOException {
        for (Object[] sample : NumpyFiles.DTYPE_SAMPLES) {
            String descr = (String) sample[0];
            byte[] data = hex((String) sample[1]);
            Path path = withHeader("x.npy", "{'descr': '" + descr
                    + "', 'fortran_order': False, 'shape': (5,), }", data.length);
            byte[] bytes = Files.readAllBytes(path);
            System.arraycopy(data, 0, bytes, bytes.length - data.length, data.length);
            NdArray array = Npy.read(file("x.npy", bytes));
            assertEquals(descr.substring(1), array.dtype().numpyCode());
            assertArrayEquals(new int[] {5}, array.shape());
            assertArrayEquals((double[]) sample[2], array.toDoubleArray(), 0, descr);
        }
    }

    @Test
    void transposesFortranOrderIntoRowMajor() throws IOException {
        // np.save(np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4)))
        NdArray array = Npy.read(file("f.npy", NumpyFiles.FORTRAN_I4_2X3X4));
        assertArrayEquals(new int[] {2, 3, 4}, array.shape());
        int[] expected = new int[24];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, array.toIntArray());
    }

    @Test
    void readsVersionTwoAndThreeHeaders() throws IOException {
        for (String file : new String[] {NumpyFiles.V2_F8_2X3, NumpyFiles.V3_F8_2X3}) {
            NdArray array = Npy.read(file("v.npy", file));
            assertArrayEquals(new int[] {2, 3}, array.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, array.toDoubleArray());
        }
    }

    @Test
    void writesTheBytesNumpyWrites() throws IOException {
        float[] values = new float[12];
        for (int i = 0; i < 12; i++) {
            values[i] = 0.5f * i;
        }
        Path out = dir.resolve("out.npy");
        Npy.write(out, NdArray.ofFloats(values, 3, 4));
        assertArrayEquals(NumpyFiles.bytes(NumpyFiles.F4_3X4), Files.readAllBytes(out));

        Npy.write(out, NdArray.ofDoubles(new double[] {2.5}));
        assertArrayEquals(NumpyFiles.bytes(NumpyFiles.SCALAR_F8), Files.readAllBytes(out));
        Npy.write(out, NdArray.ofFloats(new float[0], 0, 3));
        assertArrayEquals(NumpyFiles.bytes(NumpyFiles.EMPTY_F4_0X3), Files.readAllBytes(out));
        Npy.write(out, new NdArray(DType.U8, new int[] {5}, new byte[] {0, 1, 2, 3, 4}));
        assertArrayEquals(NumpyFiles.bytes(NumpyFiles.U1_5), Files.readAllBytes(out));
    }

    @Test
    void roundTripsEveryNumpyDtypeBitExactly() throws IOException {
        Path out = dir.resolve("r.npy");
        Object[] data = {
            new byte[] {0, 1, -1, 127, -128, 5}, new short[] {0, 1, -1, 0x7C00, (short) 0xFE00, 9},
            new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7},
            new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 3},
            new float[] {0, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, 1},
            new double[] {0, -0d, Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE, 1},
        };
        for (DType type : DType.values()) {
            if (type.numpyCode() == null) {
                continue;
            }
            Object values = data[type.storage().ordinal()];
            Npy.write(out, new NdArray(type, new int[] {2, 1, 3}, values));
            NdArray back = Npy.read(out);
            assertEquals(type, back.dtype());
            assertArrayEquals(new int[] {2, 1, 3}, back.shape());
            assertTrue(java.util.Objects.deepEquals(values, back.data()), type.toString());
        }
    }

    @Test
    void arraysSpanningManyBufferChunksSurvive() throws IOException {
        // 600001 doubles = 4.6 MB: several 1 MiB chunks and a partial last one.
        double[] values = new double[600_001];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i);
        }
        Path out = dir.resolve("big.npy");
        Npy.write(out, NdArray.ofDoubles(values, values.length));
        assertEquals(128 + 8L * values.length, Files.size(out));
        assertArrayEquals(values, Npy.read(out).toDoubleArray());
    }

    @Test
    void writesTensorViewsAndMatrices() throws IOException {
        Path out = dir.resolve("t.npy");
        Tensor t = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).transpose(0, 1);
        Npy.write(out, t);
        NdArray back = Npy.read(out);
        assertArrayEquals(new int[] {3, 2}, back.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, back.toFloatArray());

        Tensor slice = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 3, 2).slice(0, 1, 3);
        Npy.write(out, slice);
        assertArrayEquals(new float[] {3, 4, 5, 6}, Npy.read(out).toTensor().toArray());

        Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Npy.write(out, m);
        NdArray matrix = Npy.read(out);
        assertEquals(DType.F64, matrix.dtype());
        assertArrayEquals(m.data(), matrix.toMatrix().data());
    }

    @Test
    void inspectReadsOnlyTheHeader() throws IOException {
        ArrayInfo info = Npy.inspect(file("a.npy", NumpyFiles.F4_3X4));
        assertEquals(DType.F32, info.dtype());
        assertArrayEquals(new int[] {3, 4}, info.shape());
        assertEquals(128, info.dataOffset());
        assertEquals(48, info.dataBytes());
        assertEquals(ByteOrder.LITTLE_ENDIAN, info.byteOrder());
        assertFalse(info.fortranOrder());
    }

    private void assertRejected(Path path, String problem) {
        TestFiles.assertRejected(path, problem, Npy::read);
    }

    @Test
    void rejectsBadMagicAndVersions() throws IOException {
        byte[] good = NumpyFiles.bytes(NumpyFiles.F4_3X4);
        byte[] png = good.clone();
        png[0] = (byte) 0x89;
        assertRejected(file("png.npy", png), "not a .npy file");
        byte[] v4 = good.clone();
        v4[6] = 4;
        assertRejected(file("v4.npy", v4), "unsupported .npy version 4.0");
        assertRejected(file("tiny.npy", Arrays.copyOf(good, 5)), "truncated header");
        assertRejected(file("nolength.npy", Arrays.copyOf(good, 9)), "truncated header");
        assertRejected(file("cut.npy", Arrays.copyOf(good, 100)), "reaches beyond the end");
        byte[] huge = Arrays.copyOf(good, 10);
        huge[6] = 2;
        huge = Arrays.copyOf(huge, 12);
        huge[11] = 0x7F;
        assertRejected(file("huge.npy", huge), "reaches beyond the end of the file (12 bytes)");
    }

    @Test
    void rejectsDataOfTheWrongLength() throws IOException {
        byte[] good = NumpyFiles.bytes(NumpyFiles.F4_3X4);
        assertRejected(file("x.npy", Arrays.copyOf(good, good.length - 4)),
                "truncated: header promises 48 bytes of data, file holds 44");
        assertRejected(file("y.npy", Arrays.copyOf(good, good.length + 1)),
                "extra data: header promises 48 bytes of data, file holds 49");
    }

    @Test
    void rejectsMalformedHeaderDicts() throws IOException {
        String[][] cases = {
            {"{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }",
                "unsupported dtype '<c8'"},
            {"{'descr': '|f4', 'fortran_order': False, 'shape': (2,), }", "byte order"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (2), }", "(n,) is"},
            {"{'descr': '<f4', 'fortran_order': False}", "header keys"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", "unexpected value"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 'y'}",
                "header keys"},
            {"{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", "repeated"},
            {"{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }", "unexpected value"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", "non-negative"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (02,), }", "leading zero"},
            {"{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", "structured"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x", "after the closing"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), ",
                "expected a quoted string"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }",
                "overflows"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }",
                "more elements than one array can hold"},
            {"{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647,), }",
                "more elements than one array can hold"},
        };
        for (String[] c : cases) {
            assertRejected(withHeader("d.npy", c[0], 8), c[1]);
        }
        assertEquals(2, Npy.read(withHeader("ok.npy",
                "{\"shape\": (2,),'fortran_order':True, 'descr':'>f4'}", 8)).size());
    }

    @Test
    void rejectsDataLengthBeforeAllocatingTheArray() throws IOException {
        // 2^30 float64 elements promised by a 200-byte file: refused from the lengths alone.
        assertRejected(withHeader("big.npy",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1073741824,), }", 8),
                "truncated: header promises 8589934592 bytes of data, file holds 8");
    }
}
