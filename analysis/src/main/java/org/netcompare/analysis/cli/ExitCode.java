package org.netcompare.analysis.cli;

/** Process exit statuses, as shared/DESIGN.md fixes them. */
public final class ExitCode {

    public static final int OK = 0;
    /** A bug or an environment failure that the user's input did not cause. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad usage or bad input: a one-line message names the file or flag and the problem. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
