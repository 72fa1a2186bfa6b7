package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not what its format promises: bad magic, a header that lies about the data, a
 * truncated or overlong body. The message is one line, {@code "<file>: <problem>"}, so a command
 * can print it as it is.
 */
public class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public FileFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public FileFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The offending file as the caller named it. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
