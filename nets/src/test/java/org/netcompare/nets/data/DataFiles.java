package org.netcompare.nets.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Dataset files laid out byte by byte from the format descriptions, for the tests. */
final class DataFiles {

    private DataFiles() {
    }

    /** IDX: 00 00, type 08 (unsigned byte), the rank, the sizes big-endian, then the bytes. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        out.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            out.putInt(d);
        }
        return out.put(data).array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Pixel {@code k} of image {@code i}: {@code 37 i + 11 k mod 256}, every byte value hit. */
    static int pixel(int image, int k) {
        return (37 * image + 11 * k) & 0xFF;
    }

    /** {@code count} images of {@code rows x cols} unsigned bytes, as {@link #pixel} says. */
    static byte[] pixels(int count, int size) {
        byte[] out = new byte[count * size];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < size; k++) {
                out[i * size + k] = (byte) pixel(i, k);
            }
        }
        return out;
    }

    /**
     * Writes an MNIST-layout split into {@code dir}: {@code labels.length} images of
     * {@code rows x cols} and the labels, gzipped or plain.
     */
    static void writeIdxSplit(Path dir, DatasetSplit split, int rows, int cols, int[] labels,
            boolean gzip) throws IOException {
        byte[] labelBytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labelBytes[i] = (byte) labels[i];
        }
        write(dir, IdxDataset.imagesName(split), idx(new int[] {labels.length, rows, cols},
                pixels(labels.length, rows * cols)), gzip);
        write(dir, IdxDataset.labelsName(split), idx(new int[] {labels.length}, labelBytes), gzip);
    }

    static Path write(Path dir, String name, byte[] bytes, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(gzip ? name + ".gz" : name), gzip ? gzip(bytes) : bytes);
    }
}
