package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches laid out byte by byte from the format description on the CIFAR-10 page. */
class Cifar10Test {

    @TempDir
    Path dir;

    /** Record r: label {@code labels[r]}, pixel (c, y, x) = (r + 7c + 3y + x) mod 256. */
    private static byte[] batch(int... labels) {
        byte[] bytes = new byte[labels.length * 3073];
        for (int r = 0; r < labels.length; r++) {
            bytes[r * 3073] = (byte) labels[r];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int at = r * 3073 + 1 + c * 1024 + y * 32 + x;
                        bytes[at] = (byte) (r + 7 * c + 3 * y + x);
                    }
                }
            }
        }
        return bytes;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return TestFiles.write(dir, name, bytes);
    }

    @Test
    void readsRecordsAsNchwImagesAndLabels() throws IOException {
        Cifar10.Batch batch = Cifar10.read(file("data_batch_1.bin", batch(3, 0, 9)));
        assertArrayEquals(new int[] {3, 3, 32, 32}, batch.images().shape());
        assertArrayEquals(new int[] {3, 0, 9}, batch.labels().toIntArray());
        int[] pixels = batch.images().toIntArray();
        for (int r : new int[] {0, 2}) {
            for (int c : new int[] {0, 2}) {
                for (int y : new int[] {0, 31}) {
                    int x = 17;
                    assertEquals((r + 7 * c + 3 * y + x) & 0xFF,
                            pixels[((r * 3 + c) * 32 + y) * 32 + x]);
                }
            }
        }
    }

    @Test
    void rejectsPartialRecordsAndBadLabels() throws IOException {
        byte[] good = batch(1, 2);
        for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(good, good.length - 1),
            Arrays.copyOf(good, good.length + 5)}) {
            Path path = file("bad.bin", bad);
            FileFormatException e = assertThrows(FileFormatException.class,
                    () -> Cifar10.read(path));
            assertTrue(e.getMessage().startsWith(path + ": holds " + bad.length + " bytes"),
                    e.getMessage());
        }
        Path labels = file("labels.bin", batch(1, 10));
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Cifar10.read(labels));
        assertEquals(labels + ": record 1 has label 10, CIFAR-10 labels are 0-9", e.getMessage());
    }
}
