package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset's files are not where they were looked for. The message is one line,
 * {@code "<dir>: no <dataset> files (...); <how to get them>"}, so a command can print it as
 * it is; as an {@link IOException} it is bad input (exit status 2), not an internal error.
 */
public class MissingDatasetException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    public MissingDatasetException(Path directory, String problem) {
        super(directory + ": " + problem);
        this.directory = directory;
    }

    /** The directory that lacks the files. */
    public Path directory() {
        return directory;
    }
}
