package org.netcompare.nets.data;

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
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.tensor.Tensor;

/** CIFAR-10 binary batches laid out here as the CIFAR page describes them. */
class Cifar10Test {

    @TempDir
    Path dir;

    /**
     * Records for images {@code first ..} with these labels: the label byte, then red, green and
     * blue 32 x 32 planes, pixel {@code k} of the 3072 being {@link DataFiles#pixel}.
     */
    private static byte[] records(int first, int... labels) {
        byte[] out = new byte[labels.length * Cifar10.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            out[r * Cifar10.RECORD_BYTES] = (byte) labels[r];
            for (int k = 0; k < 3072; k++) {
                out[r * Cifar10.RECORD_BYTES + 1 + k] = (byte) DataFiles.pixel(first + r, k);
            }
        }
        return out;
    }

    private static void assertPixels(Dataset data) {
        Tensor images = data.images();
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y += 7) {
                    for (int x = 0; x < 32; x += 5) {
                        int k = c * 1024 + y * 32 + x;
                        assertEquals(DataFiles.pixel(i, k) / 255f, images.get(i, c, y, x),
                                "image " + i + " channel " + c + " (" + y + ", " + x + ")");
                    }
                }
            }
        }
    }

    @Test
    void readsTheTestBatchAsChannelFirstImages() throws IOException {
        Files.write(dir.resolve("test_batch.bin"), records(0, 6, 9, 0));
        Dataset data = Cifar10.load(dir, DatasetSplit.TEST, Dataset.ALL);
        assertArrayEquals(new int[] {3, 3, 32, 32}, data.images().shape());
        assertArrayEquals(new int[] {6, 9, 0}, data.labels());
        assertEquals(10, data.classes());
        assertPixels(data);
    }

    @Test
    void trainSetRunsThroughTheFiveBatchesInOrderAndStopsAtTheLimit() throws IOException {
        Path batches = dir.resolve(Cifar10.ARCHIVE_DIRECTORY);
        Files.createDirectories(batches);
        for (int b = 1; b <= 5; b++) {
            Files.write(batches.resolve("data_batch_" + b + ".bin"),
                    records(2 * (b - 1), b, b + 1));
        }
        Dataset all = Cifar10.load(dir, DatasetSplit.TRAIN, Dataset.ALL);
        assertArrayEquals(new int[] {1, 2, 2, 3, 3, 4, 4, 5, 5, 6}, all.labels());
        assertPixels(all);
        // Batches 4 and 5 are never read with a limit of 5: garbage there goes unnoticed.
        Files.write(batches.resolve("data_batch_5.bin"), new byte[7]);
        Dataset first = Cifar10.load(dir, DatasetSplit.TRAIN, 5);
        assertArrayEquals(new int[] {1, 2, 2, 3, 3}, first.labels());
        assertPixels(first);
        assertTrue(first.source().contains(batches.toString()), first.source());
    }

    @Test
    void lengthThatIsNotWholeRecordsIsRejectedNamingTheFile() throws IOException {
        byte[] two = records(0, 1, 2);
        Path file = Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(two, two.length - 1));
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Cifar10.load(dir, DatasetSplit.TEST, Dataset.ALL));
        assertEquals(file + ": length 6145 bytes is not a whole, positive number of 3073-byte"
                + " records (label + 3 x 32 x 32 pixels)", e.getMessage());
        Files.write(file, new byte[0]);
        assertThrows(FileFormatException.class,
                () -> Cifar10.load(dir, DatasetSplit.TEST, Dataset.ALL));
        Files.write(file, new byte[2 * 3074]);
        e = assertThrows(FileFormatException.class,
                () -> Cifar10.load(dir, DatasetSplit.TEST, Dataset.ALL));
        assertTrue(e.getMessage().endsWith("3074-byte records are CIFAR-100's, not read here"),
                e.getMessage());
    }

    @Test
    void labelOfTenOrMoreIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("test_batch.bin"), records(0, 3, 200, 1));
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Cifar10.load(dir, DatasetSplit.TEST, Dataset.ALL));
        assertEquals(file + ": record 1 has label 200; CIFAR-10 labels are 0..9", e.getMessage());
    }

    @Test
    void missingBatchesSayWhereToGetThem() throws IOException {
        for (int b = 1; b <= 4; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), records(0, 1));
        }
        MissingDatasetException e = assertThrows(MissingDatasetException.class,
                () -> Cifar10.load(dir, DatasetSplit.TRAIN, Dataset.ALL));
        assertEquals(dir + ": no CIFAR-10 binary batches (data_batch_1.bin, data_batch_2.bin,"
                + " data_batch_3.bin, data_batch_4.bin, data_batch_5.bin); download"
                + " cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html,"
                + " extract it and pass --data DIR", e.getMessage());
    }
}
