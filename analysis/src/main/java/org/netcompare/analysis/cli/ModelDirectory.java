package org.netcompare.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netcompare.nets.model.ModelFiles;

/** Reads the model directory a {@code --model DIR} flag names, with one-line errors. */
final class ModelDirectory {

    private ModelDirectory() {
    }

    /**
     * @throws InvalidInputException if {@code dir} is no directory or holds a model it refuses
     */
    static ModelFiles.Loaded load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": no such model directory (expected "
                    + ModelFiles.MODEL_JSON + " and " + ModelFiles.WEIGHTS
                    + ", as netcompare train writes)");
        }
        try {
            return ModelFiles.load(dir);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
