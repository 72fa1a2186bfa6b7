package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CIFAR-10 binary batches ({@code data_batch_1.bin} ... {@code test_batch.bin}, Krizhevsky,
 * "The CIFAR-10 dataset", binary version): records of one label byte (0-9) followed by 3072
 * pixel bytes, the 32 x 32 red channel row-major, then green, then blue. That is NCHW already,
 * so images come back as {@code [n, 3, 32, 32]} without reordering.
 */
public final class Cifar10 {

    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    public static final int CLASSES = 10;
    private static final int PIXELS = CHANNELS * SIDE * SIDE;
    private static final int RECORD = 1 + PIXELS;

    /**
     * One batch file's content.
     *
     * @param images {@link DType#U8} {@code [n, 3, 32, 32]}
     * @param labels {@link DType#U8} {@code [n]}, each 0-9
     */
    public record Batch(NdArray images, NdArray labels) {
    }

    private Cifar10() {
    }

    /**
     * Reads one binary batch.
     *
     * @throws FileFormatException naming the file if it is empty, not a whole number of 3073-byte
     *     records, or holds a label outside 0-9
     */
    public static Batch read(Path file) throws IOException {
        long length = Files.size(file);
        if (length == 0 || length % RECORD != 0) {
            throw new FileFormatException(file, "holds " + length + " bytes, not a whole positive"
                    + " number of " + RECORD + "-byte CIFAR-10 records (a label and 3 x 32 x 32"
                    + " pixels)");
        }
        if (length / RECORD * PIXELS > NdArray.MAX_ELEMENTS) {
            throw new FileFormatException(file, "holds " + length / RECORD
                    + " records, more images than one array can hold");
        }
        int n = (int) (length / RECORD);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != length) {
            throw new IOException(file + ": file changed size while being read");
        }
        byte[] pixels = new byte[n * PIXELS];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = bytes[i * RECORD] & 0xFF;
            if (label >= CLASSES) {
                throw new FileFormatException(file, "record " + i + " has label " + label
                        + ", CIFAR-10 labels are 0-9");
            }
            labels[i] = (byte) label;
            System.arraycopy(bytes, i * RECORD + 1, pixels, i * PIXELS, PIXELS);
        }
        return new Batch(new NdArray(DType.U8, new int[] {n, CHANNELS, SIDE, SIDE}, pixels),
                new NdArray(DType.U8, new int[] {n}, labels));
    }
}
