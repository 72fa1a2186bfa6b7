package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.io.Idx;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.tensor.Tensor;

/**
 * The four-file IDX layout that MNIST and Fashion-MNIST share (LeCun et al., "THE MNIST
 * DATABASE"): {@code train-images-idx3-ubyte} {@code [n, 28, 28]} with
 * {@code train-labels-idx1-ubyte} {@code [n]}, and the same with {@code t10k} for the test set,
 * each gzipped ({@code .gz}) or plain.
 */
final class IdxDataset {

    private IdxDataset() {
    }

    static String imagesName(DatasetSplit split) {
        return stem(split) + "-images-idx3-ubyte";
    }

    static String labelsName(DatasetSplit split) {
        return stem(split) + "-labels-idx1-ubyte";
    }

    private static String stem(DatasetSplit split) {
        return split == DatasetSplit.TRAIN ? "train" : "t10k";
    }

    /** {@code "train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz, or unzipped"}. */
    static String expectedFiles(DatasetSplit split) {
        return imagesName(split) + ".gz and " + labelsName(split) + ".gz, or unzipped";
    }

    /** True when {@code dir} holds the images and the labels of the split. */
    static boolean present(Path dir, DatasetSplit split) {
        return find(dir, imagesName(split)) != null && find(dir, labelsName(split)) != null;
    }

    /** {@code dir/name.gz} or {@code dir/name}, whichever exists first; null if neither. */
    private static Path find(Path dir, String name) {
        for (String candidate : new String[] {name + ".gz", name}) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /**
     * Reads the split from {@code dir}, which must hold it (see {@link #present}): the first
     * {@code limit} images as {@code [n, 1, h, w]} in {@code [0, 1]}.
     *
     * @throws FileFormatException naming the file if the images are not {@code [n, h, w]}
     *     unsigned bytes, the labels not {@code [n]}, the counts differ, or a label is not below
     *     {@code classes}
     */
    static Dataset read(String name, String source, Path dir, DatasetSplit split, int classes,
            int limit) throws IOException {
        Path imagesFile = find(dir, imagesName(split));
        Path labelsFile = find(dir, labelsName(split));
        NdArray labelArray = Idx.read(labelsFile);
        if (labelArray.rank() != 1) {
            throw new FileFormatException(labelsFile, "labels must be one-dimensional [n], got "
                    + Arrays.toString(labelArray.shape()));
        }
        NdArray imageArray = Idx.read(imagesFile);
        int[] shape = imageArray.shape();
        if (shape.length != 3) {
            throw new FileFormatException(imagesFile, "images must be [n, rows, columns], got "
                    + Arrays.toString(shape));
        }
        if (shape[0] == 0) {
            throw new FileFormatException(imagesFile, "holds no images");
        }
        if (shape[0] != labelArray.size()) {
            throw new FileFormatException(labelsFile, labelArray.size() + " labels for "
                    + shape[0] + " images in " + imagesFile.getFileName());
        }
        int count = UnitPixels.limited(shape[0], limit);
        int[] labels = Arrays.copyOf(labelArray.toIntArray(), count);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new FileFormatException(labelsFile, "label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        float[] pixels = UnitPixels.scaled(imageArray, count, imagesFile);
        return new Dataset(name, source, Tensor.wrap(pixels, count, 1, shape[1], shape[2]),
                labels, classes);
    }
}
