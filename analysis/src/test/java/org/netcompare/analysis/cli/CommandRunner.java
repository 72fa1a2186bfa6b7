package org.netcompare.analysis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record CommandRunner(int status, String out, String err) {

    static CommandRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRunner(status, out.toString(), err.toString());
    }

    /** The error output is one line: no stack trace reaches the user. */
    boolean errIsOneLine() {
        return err.strip().lines().count() == 1;
    }
}
