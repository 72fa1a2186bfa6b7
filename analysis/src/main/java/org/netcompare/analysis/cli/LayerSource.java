package org.netcompare.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.netcompare.analysis.data.LayerInputs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a command's layers come from: {@code .npy} files in network order, or the capture
 * directory of one network ({@code --acts DIR}); one or the other, not both.
 */
final class LayerSource {

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Layer activations in network order, [samples, features...] .npy each.")
    List<Path> files = List.of();

    @Option(names = "--acts", paramLabel = "DIR",
            description = "A capture directory (layers.json and one .npy per layer) instead of files.")
    Path directory;

    LayerInputs resolve() throws IOException {
        if (directory != null && !files.isEmpty()) {
            throw new InvalidInputException("give layer files or --acts DIR, not both");
        }
        if (directory != null) {
            return LayerInputs.ofDirectory(directory);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("no layers: give .npy files or --acts DIR");
        }
        return LayerInputs.ofFiles(files);
    }
}
