package org.netcompare.analysis.cli;

/**
 * Input the user can fix: a bad flag value, mismatched sample counts, k >= n. The command line
 * reports its message as one line and exits with {@link ExitCode#BAD_INPUT}.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
