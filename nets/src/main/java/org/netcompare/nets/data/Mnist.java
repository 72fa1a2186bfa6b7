package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges, "THE MNIST DATABASE"): 60,000 training and
 * 10,000 test images, 28 x 28 grey, from the user's copy of the four IDX files (gzipped or
 * plain), as {@code [n, 1, 28, 28]} in {@code [0, 1]}. Neither bundled nor packaged by Debian:
 * the user brings the files.
 */
public final class Mnist {

    public static final String NAME = "mnist";
    public static final int CLASSES = 10;

    private Mnist() {
    }

    /**
     * The first {@code limit} images of the split in {@code dir} ({@link Dataset#ALL} for all).
     *
     * @throws MissingDatasetException if {@code dir} lacks the split's files
     */
    public static Dataset load(Path dir, DatasetSplit split, int limit) throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("MNIST is not bundled: pass --data DIR holding "
                    + IdxDataset.expectedFiles(split));
        }
        if (!IdxDataset.present(dir, split)) {
            throw new MissingDatasetException(dir, "no MNIST files ("
                    + IdxDataset.expectedFiles(split) + "); download the four files of THE MNIST"
                    + " DATABASE (http://yann.lecun.com/exdb/mnist/) into a directory and pass"
                    + " --data DIR");
        }
        return IdxDataset.read(NAME, "MNIST " + split.label() + " set from " + dir, dir, split,
                CLASSES, limit);
    }
}
