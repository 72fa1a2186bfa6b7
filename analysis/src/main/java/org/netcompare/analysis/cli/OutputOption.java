package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out FILE} flag of commands that print one JSON result. */
final class OutputOption {

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of stdout.")
    Path file;

    /** Writes the result to the file (atomically), or to {@code stdout} without {@code --out}. */
    void write(ObjectNode result, PrintWriter stdout) throws IOException {
        JsonOutput.write(result, file, stdout);
    }
}
