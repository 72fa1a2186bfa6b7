package org.netcompare.analysis.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.netcompare.analysis.cli.InvalidInputException;

/**
 * The layers a topology or similarity command compares, in network order: either {@code .npy}
 * files named on the command line (each named by its file stem) or a capture directory written
 * by {@code netcompare activations}, whose {@code layers.json} lists them:
 * <pre>{"layers": [{"name": "conv1", "file": "conv1.npy"}, ...]}</pre>
 * Only names and paths are resolved here; the arrays are read one at a time by the caller, so
 * a network with many wide layers never has to sit in memory at once.
 */
public final class LayerInputs {

    /** The index a capture directory carries. */
    public static final String INDEX_FILE = "layers.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> names;
    private final List<Path> files;

    private LayerInputs(List<String> names, List<Path> files) {
        this.names = List.copyOf(names);
        this.files = List.copyOf(files);
    }

    /** Layers given as files; each is named by its file name without the {@code .npy}. */
    public static LayerInputs ofFiles(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            names.add(fileName.endsWith(".npy")
                    ? fileName.substring(0, fileName.length() - 4) : fileName);
        }
        return checked(names, files, "input files");
    }

    /** Layers listed by the {@code layers.json} of a capture directory. */
    public static LayerInputs ofDirectory(Path directory) throws IOException {
        Path index = directory.resolve(INDEX_FILE);
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such directory");
        }
        if (!Files.isRegularFile(index)) {
            throw new InvalidInputException(index + ": missing; a capture directory holds the "
                    + INDEX_FILE + " that netcompare activations writes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(index.toFile());
        } catch (JsonProcessingException malformed) {
            throw new InvalidInputException(index + ": not valid JSON ("
                    + malformed.getOriginalMessage() + ")");
        }
        JsonNode layers = root == null ? null : root.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new InvalidInputException(index + ": expected {\"layers\": [...]}");
        }
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (JsonNode layer : layers) {
            String name = layer.path("name").asText("");
            String file = layer.path("file").asText("");
            if (name.isEmpty() || file.isEmpty()) {
                throw new InvalidInputException(index + ": layer " + names.size()
                        + " needs a \"name\" and a \"file\"");
            }
            names.add(name);
            files.add(insideDirectory(index, directory, file));
        }
        return checked(names, files, index.toString());
    }

    /** Files listed in an index must stay inside its directory. */
    private static Path insideDirectory(Path index, Path directory, String file) {
        Path root = directory.toAbsolutePath().normalize();
        Path resolved = root.resolve(file).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new InvalidInputException(index + ": layer file \"" + file
                    + "\" lies outside the directory");
        }
        return directory.resolve(file).normalize();
    }

    private static LayerInputs checked(List<String> names, List<Path> files, String source) {
        if (names.isEmpty()) {
            throw new InvalidInputException(source + ": no layers given");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new InvalidInputException(source + ": two layers are named \"" + name
                        + "\"; names must be unique");
            }
        }
        return new LayerInputs(names, files);
    }

    public int size() {
        return names.size();
    }

    /** Layer names in network order. */
    public List<String> names() {
        return names;
    }

    public String name(int layer) {
        return names.get(layer);
    }

    public Path file(int layer) {
        return files.get(layer);
    }
}
