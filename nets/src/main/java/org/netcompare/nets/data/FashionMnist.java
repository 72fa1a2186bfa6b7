package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28 x 28 grey images of ten kinds of clothing,
 * 60,000 for training and 10,000 for testing, in MNIST's IDX files. Loaded as
 * {@code [n, 1, 28, 28]} in {@code [0, 1]} from the first place that has them: the directory
 * the user named ({@code --data DIR}), Debian's {@code dataset-fashion-mnist}
 * ({@value #DEBIAN_DIRECTORY}), or the subset bundled with netcompare (the first
 * {@value #BUNDLED_IMAGES} images of each split). {@link Dataset#source()} says which.
 */
public final class FashionMnist {

    public static final String NAME = "fashion-mnist";
    public static final int CLASSES = 10;
    /** Where Debian's package {@code dataset-fashion-mnist} installs the full set. */
    public static final String DEBIAN_DIRECTORY = "/usr/share/datasets/fashion-mnist";
    /** Images per split in the bundled subset. */
    public static final int BUNDLED_IMAGES = 2000;
    /** The class names in label order, from the Fashion-MNIST README. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser",
            "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String BUNDLED_DIRECTORY = "fashion-mnist";

    private FashionMnist() {
    }

    /**
     * The first {@code limit} images of the split ({@link Dataset#ALL} for all there are).
     *
     * @param dataDir the directory the user named, or null to use Debian's package if installed
     *     and the bundled subset otherwise
     * @throws MissingDatasetException if {@code dataDir} is given but lacks the split's files
     */
    public static Dataset load(Path dataDir, DatasetSplit split, int limit) throws IOException {
        return load(dataDir, Path.of(DEBIAN_DIRECTORY), split, limit);
    }

    /** {@link #load(Path, DatasetSplit, int)} with Debian's directory given, for tests. */
    static Dataset load(Path dataDir, Path debianDir, DatasetSplit split, int limit)
            throws IOException {
        if (dataDir != null) {
            if (!IdxDataset.present(dataDir, split)) {
                throw new MissingDatasetException(dataDir, "no Fashion-MNIST files ("
                        + IdxDataset.expectedFiles(split) + "); install Debian's"
                        + " dataset-fashion-mnist or pass --data DIR holding them");
            }
            return IdxDataset.read(NAME, "Fashion-MNIST " + split.label() + " set from "
                    + dataDir, dataDir, split, CLASSES, limit);
        }
        if (IdxDataset.present(debianDir, split)) {
            return IdxDataset.read(NAME, "Fashion-MNIST " + split.label() + " set from "
                    + debianDir + " (Debian dataset-fashion-mnist)", debianDir, split, CLASSES,
                    limit);
        }
        return bundled(split, limit);
    }

    /**
     * The first {@code min(limit, 2000)} images of the split from the subset bundled with
     * netcompare, the same on every machine.
     */
    public static Dataset bundled(DatasetSplit split, int limit) throws IOException {
        Path dir = BundledData.directory(BUNDLED_DIRECTORY, IdxDataset.imagesName(split) + ".gz");
        return IdxDataset.read(NAME, "bundled Fashion-MNIST subset (first " + BUNDLED_IMAGES
                + " " + split.label() + " images; install Debian's dataset-fashion-mnist for"
                + " the full set)", dir, split, CLASSES, limit);
    }
}
