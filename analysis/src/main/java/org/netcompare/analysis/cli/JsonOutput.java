package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.netcompare.engine.io.AtomicFiles;
import org.netcompare.engine.linalg.Matrix;

/**
 * Writes a command's JSON result: to stdout, or to a file through a temporary sibling and an
 * atomic rename so an interrupted run never leaves a half-written result.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** A fresh object whose keys keep their insertion order. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Appends the values to a JSON array. */
    public static void putDoubles(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }

    public static void putStrings(ArrayNode node, List<String> values) {
        values.forEach(node::add);
    }

    /** A matrix as an array of rows. */
    public static void putMatrix(ArrayNode node, Matrix matrix) {
        for (int i = 0; i < matrix.rows(); i++) {
            putDoubles(node.addArray(), matrix.row(i));
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code result} to {@code file}, or to {@code stdout} when {@code file} is null. */
    public static void write(ObjectNode result, Path file, PrintWriter stdout) throws IOException {
        if (file == null) {
            stdout.println(MAPPER.writeValueAsString(result));
            stdout.flush();
            return;
        }
        byte[] json = MAPPER.writeValueAsBytes(result);
        AtomicFiles.write(file, (OutputStream out) -> {
            out.write(json);
            out.write('\n');
        });
    }
}
