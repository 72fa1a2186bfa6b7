package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.tensor.Tensor;

/**
 * CIFAR-10 (Krizhevsky 2009, "Learning Multiple Layers of Features from Tiny Images") from its
 * binary version: {@code data_batch_1.bin} .. {@code data_batch_5.bin} (training, 10,000 images
 * each) and {@code test_batch.bin}, each a run of 3073-byte records: the label byte (0..9), then
 * the 32 x 32 red plane, the green plane and the blue plane, each row-major. That is CHW order
 * already, so images load as {@code [n, 3, 32, 32]} in {@code [0, 1]} without reordering.
 */
public final class Cifar10 {

    public static final String NAME = "cifar10";
    public static final int CLASSES = 10;
    /** Bytes of one record: a label and 3 x 32 x 32 pixels. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;
    /** The class names in label order, as {@code batches.meta.txt} lists them. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird",
            "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    /** The directory the binary archive {@code cifar-10-binary.tar.gz} extracts to. */
    public static final String ARCHIVE_DIRECTORY = "cifar-10-batches-bin";

    private static final int IMAGE_BYTES = RECORD_BYTES - 1;

    private Cifar10() {
    }

    /** The batch files of a split, in the order their images are taken. */
    static List<String> fileNames(DatasetSplit split) {
        if (split == DatasetSplit.TEST) {
            return List.of("test_batch.bin");
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            names.add("data_batch_" + i + ".bin");
        }
        return names;
    }

    /**
     * The first {@code limit} images of the split ({@link Dataset#ALL} for all) from {@code dir}
     * or from {@code dir/cifar-10-batches-bin}. Batch files past the limit are not read.
     *
     * @throws MissingDatasetException if neither directory holds all the split's batch files
     * @throws FileFormatException naming the file if its length is not a whole number of records
     *     or a label is 10 or more
     */
    public static Dataset load(Path dir, DatasetSplit split, int limit) throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("CIFAR-10 is not bundled: pass --data DIR holding "
                    + String.join(", ", fileNames(split)));
        }
        Path batches = locate(dir, split);
        int wanted = UnitPixels.limited(Integer.MAX_VALUE, limit);
        List<byte[]> contents = new ArrayList<>();
        long available = 0;
        for (String name : fileNames(split)) {
            if (available >= wanted) {
                break;
            }
            Path file = batches.resolve(name);
            byte[] bytes = Files.readAllBytes(file);
            checkRecords(file, bytes);
            contents.add(bytes);
            available += bytes.length / RECORD_BYTES;
        }
        int count = (int) Math.min(available, wanted);
        float[] pixels = new float[Math.multiplyExact(count, IMAGE_BYTES)];
        int[] labels = new int[count];
        int image = 0;
        for (byte[] bytes : contents) {
            for (int at = 0; at < bytes.length && image < count; at += RECORD_BYTES, image++) {
                labels[image] = bytes[at];
                UnitPixels.scale(bytes, at + 1, IMAGE_BYTES, pixels, image * IMAGE_BYTES);
            }
        }
        return new Dataset(NAME, "CIFAR-10 " + split.label() + " set from " + batches,
                Tensor.wrap(pixels, count, 3, 32, 32), labels, CLASSES);
    }

    /** {@code dir} or its {@code cifar-10-batches-bin}, whichever holds every batch file. */
    private static Path locate(Path dir, DatasetSplit split) throws MissingDatasetException {
        for (Path candidate : new Path[] {dir, dir.resolve(ARCHIVE_DIRECTORY)}) {
            if (fileNames(split).stream().allMatch(n -> Files.isRegularFile(candidate.resolve(n)))) {
                return candidate;
            }
        }
        throw new MissingDatasetException(dir, "no CIFAR-10 binary batches ("
                + String.join(", ", fileNames(split)) + "); download cifar-10-binary.tar.gz"
                + " from https://www.cs.toronto.edu/~kriz/cifar.html, extract it and pass --data"
                + " DIR");
    }

    /** Whole records only, labels 0..9. */
    private static void checkRecords(Path file, byte[] bytes) throws FileFormatException {
        if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
            throw new FileFormatException(file, "length " + bytes.length + " bytes is not a"
                    + " whole, positive number of " + RECORD_BYTES + "-byte records (label + 3 x"
                    + " 32 x 32 pixels)" + (bytes.length % (RECORD_BYTES + 1) == 0
                    && bytes.length > 0 ? "; 3074-byte records are CIFAR-100's, not read here"
                    : ""));
        }
        for (int at = 0, record = 0; at < bytes.length; at += RECORD_BYTES, record++) {
            int label = bytes[at] & 0xFF;
            if (label >= CLASSES) {
                throw new FileFormatException(file, "record " + record + " has label " + label
                        + "; CIFAR-10 labels are 0.." + (CLASSES - 1));
            }
        }
    }
}
