package org.netcompare.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.data.Datasets;
import picocli.CommandLine.Option;

/** The {@code --dataset}, {@code --data} and {@code --limit} flags of commands that read images. */
final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist or cifar10 (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory holding the dataset files (default: Debian's"
                    + " dataset-fashion-mnist if installed, else the bundled subset).")
    Path directory;

    @Option(names = "--limit", paramLabel = "N",
            description = "Use the first N images of each split (default: all).")
    Integer limit;

    /**
     * The first {@code --limit} images of the split.
     *
     * @throws InvalidInputException for an unknown name or a limit below 1
     */
    Dataset load(DatasetSplit split) throws IOException {
        if (limit != null && limit < 1) {
            throw new InvalidInputException("--limit must be at least 1, got " + limit);
        }
        try {
            return Datasets.load(name, directory, split, limit == null ? Dataset.ALL : limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--dataset: " + e.getMessage());
        }
    }
}
