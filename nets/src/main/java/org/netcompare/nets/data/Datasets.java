package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The datasets known by name, as {@code --dataset NAME} spells them. */
public final class Datasets {

    /** The names {@link #load} accepts. */
    public static final List<String> NAMES = List.of(FashionMnist.NAME, Mnist.NAME, Cifar10.NAME);

    private Datasets() {
    }

    /**
     * The first {@code limit} images ({@link Dataset#ALL} for all) of the split of the dataset
     * called {@code name}, from {@code dir} (null: Fashion-MNIST looks in Debian's directory,
     * then takes the bundled subset; the others need a directory).
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES}
     * @throws MissingDatasetException if the directory lacks the files
     */
    public static Dataset load(String name, Path dir, DatasetSplit split, int limit)
            throws IOException {
        return switch (name) {
            case FashionMnist.NAME -> FashionMnist.load(dir, split, limit);
            case Mnist.NAME -> Mnist.load(dir, split, limit);
            case Cifar10.NAME -> Cifar10.load(dir, split, limit);
            default -> throw new IllegalArgumentException("unknown dataset '" + name
                    + "'; known: " + String.join(", ", NAMES));
        };
    }
}
