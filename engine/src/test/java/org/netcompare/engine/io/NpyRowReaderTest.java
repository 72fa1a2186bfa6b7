package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void blocksOfRowsConcatenateToTheWholeArray() throws IOException {
        double[] values = new double[7 * 2 * 3];
        Arrays.setAll(values, i -> i * 0.5 - 3);
        Path file = dir.resolve("x.npy");
        Npy.write(file, NdArray.ofDoubles(values, 7, 2, 3));
        double[] read = new double[values.length];
        int at = 0;
        try (NpyRowReader reader = NpyRowReader.open(file)) {
            assertEquals(7, reader.rows());
            for (int block : new int[] {3, 3, 3}) {
                NdArray rows = reader.read(block);
                double[] part = rows.toDoubleArray();
                assertEquals(rows.shape()[0] * 6, part.length);
                System.arraycopy(part, 0, read, at, part.length);
                at += part.length;
            }
            assertEquals(0, reader.remaining());
            assertEquals(0, reader.read(3).shape()[0]);
        }
        assertArrayEquals(values, read);
    }

    @Test
    void refusesFortranOrderAndTruncatedFiles() throws IOException {
        Path fortran = dir.resolve("f.npy");
        Files.write(fortran, NumpyFiles.bytes(NumpyFiles.FORTRAN_I4_2X3X4));
        FileFormatException refused = assertThrows(FileFormatException.class,
                () -> NpyRowReader.open(fortran));
        assertTrue(refused.getMessage().contains("Fortran"), refused.getMessage());

        Path whole = dir.resolve("w.npy");
        Npy.write(whole, NdArray.ofFloats(new float[12], 4, 3));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("t.npy");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 4));
        assertThrows(FileFormatException.class, () -> {
            try (NpyRowReader reader = NpyRowReader.open(truncated)) {
                reader.read(4);
            }
        });
    }
}
