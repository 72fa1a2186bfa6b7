package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        return TestFiles.listing(dir);
    }

    @Test
    void streamedRowsGiveTheSameFileAsOneWrite() throws IOException {
        Path streamed = dir.resolve("streamed.npy");
        float[] all = new float[7 * 6];
        for (int i = 0; i < all.length; i++) {
            all[i] = i * 0.25f;
        }
        try (NpyWriter out = NpyWriter.create(streamed, DType.F32, 2, 3)) {
            out.append(java.util.Arrays.copyOfRange(all, 0, 12));
            out.append(new float[0]);
            out.append(java.util.Arrays.copyOfRange(all, 12, 42));
            assertEquals(7, out.rows());
            assertFalse(Files.exists(streamed));
            out.finish();
        }
        Path whole = dir.resolve("whole.npy");
        Npy.write(whole, NdArray.ofFloats(all, 7, 2, 3));
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(streamed));
    }

    @Test
    void convertsBetweenFloatWidths() throws IOException {
        Path path = dir.resolve("d.npy");
        try (NpyWriter out = NpyWriter.create(path, DType.F64, 2)) {
            out.append(new float[] {0.1f, 2});
            out.append(new double[] {0.1, 3});
            out.finish();
        }
        assertArrayEquals(new double[] {0.1f, 2, 0.1, 3}, Npy.read(path).toDoubleArray());
        try (NpyWriter out = NpyWriter.create(path, DType.F32, 1)) {
            out.append(new double[] {0.1});
            out.finish();
        }
        assertArrayEquals(new float[] {0.1f}, Npy.read(path).toFloatArray());
    }

    @Test
    void noRowsStillMakesAValidFile() throws IOException {
        Path path = dir.resolve("none.npy");
        try (NpyWriter out = NpyWriter.create(path, DType.F32, 4)) {
            out.finish();
        }
        assertArrayEquals(new int[] {0, 4}, Npy.read(path).shape());
    }

    @Test
    void closeWithoutFinishLeavesNothing() throws IOException {
        Path path = dir.resolve("a.npy");
        Files.write(path, new byte[] {1});
        try (NpyWriter out = NpyWriter.create(path, DType.F32, 2)) {
            out.append(new float[] {1, 2});
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(path));
        assertEquals(List.of(path), listing());
    }

    @Test
    void refusesPartialRowsAndOtherTypes() throws IOException {
        Path path = dir.resolve("b.npy");
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.create(path, DType.I32, 2));
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.create(path, DType.F32, 0));
        try (NpyWriter out = NpyWriter.create(path, DType.F32, 3)) {
            assertThrows(IllegalArgumentException.class, () -> out.append(new float[4]));
            out.finish();
            assertThrows(IllegalStateException.class, () -> out.append(new float[3]));
        }
        assertEquals(List.of(path), listing());
    }
}
