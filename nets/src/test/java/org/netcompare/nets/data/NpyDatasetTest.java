package org.netcompare.nets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;

/** Images and labels saved as .npy files, as NumPy would write them. */
class NpyDatasetTest {

    @TempDir
    Path dir;

    /** A version 1.0 .npy file of unsigned bytes, header padded to 64 bytes as NumPy does. */
    private Path uint8Npy(String name, int[] shape, byte[] data) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        StringBuilder header = new StringBuilder("{'descr': '|u1', 'fortran_order': False,"
                + " 'shape': (" + dims.toString().replaceAll(", $", shape.length == 1 ? "," : "")
                + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + text.length + data.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length,
            (byte) (text.length >> 8)};
        System.arraycopy(magic, 0, out, 0, 10);
        System.arraycopy(text, 0, out, 10, text.length);
        System.arraycopy(data, 0, out, 10 + text.length, data.length);
        return Files.write(dir.resolve(name), out);
    }

    private Path labels(long... values) throws IOException {
        Path file = dir.resolve("labels.npy");
        Npy.write(file, NdArray.ofLongs(values, values.length));
        return file;
    }

    @Test
    void unsignedByteImagesAreScaledAndChannelsKept() throws IOException {
        Path images = uint8Npy("cats.npy", new int[] {2, 3, 2, 2}, DataFiles.pixels(2, 12));
        Dataset data = NpyDataset.load(images, labels(4, 1));
        assertArrayEquals(new int[] {2, 3, 2, 2}, data.images().shape());
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 12; k++) {
                assertEquals(DataFiles.pixel(i, k) / 255f, data.images().data()[i * 12 + k]);
            }
        }
        assertArrayEquals(new int[] {4, 1}, data.labels());
        assertEquals(5, data.classes(), "largest label + 1");
        assertEquals("cats", data.name());
        assertEquals(7, NpyDataset.load(images, labels(4, 1), 7).classes());
    }

    @Test
    void floatImagesWithoutChannelsGainOneAndKeepTheirValues() throws IOException {
        float[] values = {-1.5f, 0f, 2f, 3.25f, 7f, 8f, 9f, 10f};
        Path images = dir.resolve("x.npy");
        Npy.write(images, NdArray.ofFloats(values, 2, 2, 2));
        Path labels = dir.resolve("y.npy");
        Npy.write(labels, NdArray.ofDoubles(new double[] {1, 0}, 2));
        Dataset data = NpyDataset.load(images, labels);
        assertArrayEquals(new int[] {2, 1, 2, 2}, data.images().shape());
        assertArrayEquals(values, data.images().toArray());
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void inconsistentFilesAreRejectedNamingTheFile() throws IOException {
        Path images = uint8Npy("x.npy", new int[] {3, 2, 2}, new byte[12]);
        Path two = labels(0, 1);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> NpyDataset.load(images, two));
        assertEquals(two + ": 2 labels for 3 images in x.npy", e.getMessage());

        Path negative = labels(0, -1, 2);
        e = assertThrows(FileFormatException.class, () -> NpyDataset.load(images, negative));
        assertEquals(negative + ": label -1 of image 1 is outside 0..2", e.getMessage());
        e = assertThrows(FileFormatException.class,
                () -> NpyDataset.load(images, labels(0, 1, 2), 2));
        assertEquals(dir.resolve("labels.npy") + ": label 2 of image 2 is outside 0..1",
                e.getMessage());

        Path flat = uint8Npy("flat.npy", new int[] {3, 4}, new byte[12]);
        e = assertThrows(FileFormatException.class,
                () -> NpyDataset.load(flat, labels(0, 1, 2)));
        assertEquals(flat + ": images must be [n, h, w] or [n, c, h, w], got [3, 4]",
                e.getMessage());

        Path fractional = dir.resolve("f.npy");
        Npy.write(fractional, NdArray.ofDoubles(new double[] {0, 0.5, 1}, 3));
        e = assertThrows(FileFormatException.class, () -> NpyDataset.load(images, fractional));
        assertEquals(fractional, e.file());

        Path ints = dir.resolve("i.npy");
        Npy.write(ints, NdArray.ofInts(new int[12], 3, 2, 2));
        e = assertThrows(FileFormatException.class, () -> NpyDataset.load(ints, labels(0, 1, 2)));
        assertEquals(ints + ": images must be uint8 (scaled to [0, 1]) or floating point (taken"
                + " as they are), got I32", e.getMessage());
    }
}
