package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return TestFiles.write(dir, name, bytes);
    }

    /** A deflated zip archive with the given entries, as savez_compressed would lay it out. */
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void readsStoredAndDeflatedArchivesNumpyWrote() throws IOException {
        for (String archive : new String[] {NumpyFiles.NPZ_STORED, NumpyFiles.NPZ_DEFLATED}) {
            Map<String, NdArray> arrays = Npz.read(file("a.npz", NumpyFiles.bytes(archive)));
            assertEquals(List.of("weights", "labels"), List.copyOf(arrays.keySet()));
            assertArrayEquals(new int[] {2, 3}, arrays.get("weights").shape());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5},
                    arrays.get("weights").toFloatArray());
            assertEquals(DType.I64, arrays.get("labels").dtype());
            assertArrayEquals(new long[] {1, 2, 3}, arrays.get("labels").toLongArray());
        }
    }

    @Test
    void roundTripsInOrder() throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("fc1.grad", NdArray.ofFloats(new float[] {1, -2, 3.5f, 4}, 2, 2));
        arrays.put("b", NdArray.ofDoubles(new double[] {Math.PI}, 1));
        arrays.put("empty", NdArray.ofInts(new int[0], 0));
        Path path = dir.resolve("g.npz");
        Npz.write(path, arrays);
        Map<String, NdArray> back = Npz.read(path);
        assertEquals(List.copyOf(arrays.keySet()), List.copyOf(back.keySet()));
        for (String key : arrays.keySet()) {
            assertEquals(arrays.get(key).dtype(), back.get(key).dtype());
            assertArrayEquals(arrays.get(key).shape(), back.get(key).shape());
            assertArrayEquals(arrays.get(key).toDoubleArray(), back.get(key).toDoubleArray());
        }
    }

    private void assertRejected(Path path, String problem) {
        TestFiles.assertRejected(path, problem, Npz::read);
    }

    @Test
    void rejectsWhatIsNotAnArchiveOfArrays() throws IOException {
        byte[] npy = NumpyFiles.bytes(NumpyFiles.F4_3X4);
        assertRejected(file("plain.npz", npy), "not a zip archive");
        assertRejected(file("text.npz", zip(Map.of("notes.txt", "hi".getBytes(
                StandardCharsets.US_ASCII)))), "entry 'notes.txt' is not a .npy array");
        assertRejected(file("short.npz", zip(Map.of("x.npy", Arrays.copyOf(npy, npy.length - 4)))),
                "entry 'x.npy': truncated: header promises 48 bytes of data, file holds 44");
        assertRejected(file("long.npz", zip(Map.of("x.npy", Arrays.copyOf(npy, npy.length + 2)))),
                "entry 'x.npy': extra data");
        byte[] bad = npy.clone();
        bad[1] = 'X';
        assertRejected(file("magic.npz", zip(Map.of("x.npy", bad))), "entry 'x.npy': not a .npy");

        // Two entries renamed to the same name in place (same length keeps the zip valid).
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.npy", npy);
        two.put("b.npy", npy);
        byte[] twice = zip(two);
        String latin = new String(twice, StandardCharsets.ISO_8859_1).replace("b.npy", "a.npy");
        assertRejected(file("twice.npz", latin.getBytes(StandardCharsets.ISO_8859_1)),
                "entry 'a.npy' appears twice");
    }

    @Test
    void rejectsACorruptDeflateStream() throws IOException {
        byte[] archive = zip(Map.of("x.npy", NumpyFiles.bytes(NumpyFiles.F4_3X4)));
        // Local header is 30 bytes plus the 5-byte name; garble the compressed data after it.
        for (int i = 35; i < 45; i++) {
            archive[i] = (byte) 0xFF;
        }
        assertRejected(file("garbled.npz", archive), "entry 'x.npy'");
    }
}
