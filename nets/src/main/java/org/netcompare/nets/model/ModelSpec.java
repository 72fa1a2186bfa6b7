package org.netcompare.nets.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.netcompare.engine.io.AtomicFiles;
import org.netcompare.nets.layers.Layer;

/**
 * A network's architecture as model.json holds it (shared/DESIGN.md): a name, the per-sample
 * input shape and an ordered list of named layers; a PyTorch {@code nn.Sequential} maps onto it
 * one to one.
 *
 * <pre>
 * {"name": "lenet5", "input": [1, 28, 28],
 *  "layers": [{"name": "conv1", "type": "conv2d", "in": 1, "out": 6, "kernel": 5, "padding": 2},
 *             {"name": "relu1", "type": "relu"}, ...]}
 * </pre>
 *
 * A spec is checked when made: known types ({@link LayerType}), known attributes, unique names,
 * and every layer accepting the shape the previous one produces.
 */
public final class ModelSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("name", "input", "layers");

    private final String name;
    private final int[] input;
    private final List<LayerSpec> layers;

    /**
     * @throws IllegalArgumentException naming the offending layer for an unknown type or
     *                                  attribute, a missing attribute, a duplicate name or sizes
     *                                  that do not fit together
     */
    public ModelSpec(String name, int[] input, List<LayerSpec> layers) {
        if (input.length == 0) {
            throw new IllegalArgumentException("model " + name + ": input shape is empty");
        }
        for (int d : input) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "model " + name + ": input sizes must be positive");
            }
        }
        this.name = name;
        this.input = input.clone();
        this.layers = List.copyOf(layers);
        assemble(new SplittableRandom(0));
    }

    public String name() {
        return name;
    }

    /** Per-sample input shape, [C, H, W] for images. */
    public int[] input() {
        return input.clone();
    }

    public List<LayerSpec> layers() {
        return layers;
    }

    /**
     * The network with PyTorch's default initialisation ({@link Initialization.Scheme#PYTORCH});
     * the same seed gives the same weights and dropout masks.
     */
    public Sequential build(long seed) {
        return build(Initialization.Scheme.PYTORCH, seed);
    }

    /** The network initialised by {@code scheme}; the same seed gives the same network. */
    public Sequential build(Initialization.Scheme scheme, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        Sequential model = assemble(seeds);
        Initialization.initialize(model, scheme, seeds.nextLong());
        return model;
    }

    /** The layers with zero weights, each drawing its own seed; checks the shapes fit. */
    private Sequential assemble(SplittableRandom seeds) {
        List<Layer> built = new ArrayList<>();
        for (LayerSpec layer : layers) {
            built.add(LayerType.create(layer, seeds.nextLong()));
        }
        return new Sequential(input, built);
    }

    /**
     * Parses model.json text.
     *
     * @throws IllegalArgumentException for malformed JSON, a missing or unknown key, or a spec
     *                                  the constructor refuses
     */
    public static ModelSpec parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("model.json must hold an object");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\"; expected " + KEYS);
            }
        }
        String name = text(root, "name", "model");
        JsonNode input = root.get("input");
        if (input == null || !input.isArray()) {
            throw new IllegalArgumentException(
                    "\"input\" must be a list of sizes, e.g. [1, 28, 28]");
        }
        int[] shape = new int[input.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!input.get(i).canConvertToExactIntegral() || !input.get(i).canConvertToInt()) {
                throw new IllegalArgumentException(
                        "\"input\" sizes must be integers, got " + input);
            }
            shape[i] = input.get(i).asInt();
        }
        JsonNode list = root.get("layers");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("\"layers\" must be a list of layers");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (JsonNode layer : list) {
            layers.add(layer(layer, layers.size()));
        }
        return new ModelSpec(name, shape, layers);
    }

    private static LayerSpec layer(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("layer " + index + " is not an object");
        }
        String name = text(node, "name", "layer " + index);
        String type = text(node, "type", "layer " + name);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("name") || field.getKey().equals("type")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                attributes.put(field.getKey(), value.intValue());
            } else if (value.isNumber()) {
                attributes.put(field.getKey(), value.doubleValue());
            } else if (value.isBoolean()) {
                attributes.put(field.getKey(), value.booleanValue());
            } else {
                throw new IllegalArgumentException("layer " + name + " (" + type + "): \""
                        + field.getKey() + "\" must be a number or a boolean, got " + value);
            }
        }
        return new LayerSpec(name, type, attributes);
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be a string");
        }
        return value.textValue();
    }

    /**
     * Reads a model.json file.
     *
     * @throws IllegalArgumentException "{@code <file>: <problem>}" for content it refuses
     */
    public static ModelSpec read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model.json text in the layout of shared/DESIGN.md: name and input on the first line,
     * then one line per layer.
     */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"name\": ").append(quoted(name))
                .append(", \"input\": [");
        for (int i = 0; i < input.length; i++) {
            out.append(i == 0 ? "" : ", ").append(input[i]);
        }
        out.append("],\n \"layers\": [");
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            out.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": ").append(quoted(layer.name()))
                    .append(", \"type\": ").append(quoted(layer.type()));
            layer.attributes().forEach((key, value) ->
                    out.append(", ").append(quoted(key)).append(": ").append(value));
            out.append('}');
        }
        return out.append("]}\n").toString();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    /** Writes {@link #toJson()} atomically. */
    public void write(Path file) throws IOException {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelSpec o && o.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
