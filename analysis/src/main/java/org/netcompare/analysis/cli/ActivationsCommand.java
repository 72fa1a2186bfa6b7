package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.analysis.data.LayerInputs;
import org.netcompare.engine.io.AtomicDirectories;
import org.netcompare.engine.io.DType;
import org.netcompare.engine.io.NpyWriter;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.layers.Layer;
import org.netcompare.nets.model.ModelFiles;
import org.netcompare.nets.model.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netcompare activations}: runs a trained model in evaluation mode over samples and
 * writes each chosen layer's outputs {@code [samples, ...layer output shape]} to
 * {@code <layer>.npy}, with the {@code layers.json} index that the comparison commands read
 * ({@link LayerInputs}). Samples go through in batches and each batch's outputs are appended to
 * the files at once, so memory holds one batch whatever the number of samples; the directory
 * is written beside its target and renamed into place.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = "Write the outputs of a model's layers for a set of samples.")
final class ActivationsCommand extends BaseCommand {

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Model directory (model.json and weights.safetensors).")
    Path modelDir;

    @Option(names = "--input", paramLabel = "X.npy",
            description = "Samples [N, ...model input shape] (or flat [N, features]), instead"
                    + " of a dataset.")
    Path input;

    @Mixin
    DatasetOptions data;

    @Option(names = "--split", paramLabel = "train|test", defaultValue = "test",
            description = "Which split of the dataset (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--layers", paramLabel = "a,b|all", defaultValue = "all", split = ",",
            description = "Layers to capture, in any order, or all (default: ${DEFAULT-VALUE}).")
    List<String> layers;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "256",
            description = "Samples per forward pass; bounds the memory (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory to write (<layer>.npy files and layers.json).")
    Path out;

    @Override
    protected void run() throws Exception {
        if (batchSize < 1) {
            throw new InvalidInputException("--batch-size must be at least 1, got " + batchSize);
        }
        Sequential model = ModelDirectory.load(modelDir).model();
        List<String> captured = chosenLayers(model);
        if (input != null) {
            if (data.directory != null || data.limit != null) {
                throw new InvalidInputException("--input and --data/--limit exclude each other:"
                        + " samples come from a file or from a dataset");
            }
            try (ModelInputs.Rows rows = ModelInputs.open(input, model.inputShape())) {
                write(model, captured, rows.count(), rows::next);
            }
        } else {
            Tensor images = datasetImages(model);
            write(model, captured, images.dim(0),
                    n -> images.slice(0, n.from(), n.to()).contiguous());
        }
    }

    /** The samples {@code [from, to)}, asked for in consecutive ranges. */
    @FunctionalInterface
    private interface BatchSource {
        Tensor batch(ModelInputs.Range range) throws IOException;
    }

    /**
     * Streams the batches' layer outputs into the files of a new directory.
     *
     * @throws InvalidInputException if there are no samples or {@code --out} cannot be replaced
     */
    private void write(Sequential model, List<String> captured, int count, BatchSource source)
            throws IOException {
        if (count == 0) {
            throw new InvalidInputException("no samples to run");
        }
        try {
            AtomicDirectories.write(out, dir -> writeInto(dir, model, captured, count, source));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--out " + e.getMessage(), e);
        }
    }

    private void writeInto(Path dir, Sequential model, List<String> captured, int count,
            BatchSource source) throws IOException {
        Map<String, NpyWriter> writers = new LinkedHashMap<>();
        try {
            for (String layer : captured) {
                writers.put(layer, NpyWriter.create(dir.resolve(layer + ".npy"), DType.F32,
                        model.outputShape(layer)));
            }
            for (int from = 0; from < count; from += batchSize) {
                int to = Math.min(count, from + batchSize);
                Map<String, Tensor> outputs = model.forwardCapturing(
                        source.batch(new ModelInputs.Range(from, to)), false, captured);
                for (Map.Entry<String, Tensor> output : outputs.entrySet()) {
                    writers.get(output.getKey()).append(output.getValue().toArray());
                }
                progress("activations: " + to + "/" + count + " samples");
            }
            for (NpyWriter writer : writers.values()) {
                writer.finish();
            }
        } finally {
            for (NpyWriter writer : writers.values()) {
                writer.close();
            }
        }
        Files.write(dir.resolve(LayerInputs.INDEX_FILE),
                JsonOutput.mapper().writeValueAsBytes(index(model, captured, count)));
    }

    /** The layers asked for, in network order. */
    private List<String> chosenLayers(Sequential model) {
        List<String> all = new ArrayList<>();
        for (Layer layer : model.layers()) {
            all.add(layer.name());
        }
        if (layers.size() == 1 && layers.get(0).equals("all")) {
            return all;
        }
        for (String layer : layers) {
            if (!all.contains(layer)) {
                throw new InvalidInputException("--layers: no layer named " + layer
                        + " in " + modelDir + "; layers are " + all);
            }
        }
        return all.stream().filter(layers::contains).toList();
    }

    private Tensor datasetImages(Sequential model) throws IOException {
        DatasetSplit chosen = switch (split) {
            case "train" -> DatasetSplit.TRAIN;
            case "test" -> DatasetSplit.TEST;
            default -> throw new InvalidInputException("--split must be train or test, got "
                    + split);
        };
        Dataset images = data.load(chosen);
        if (!Arrays.equals(images.imageShape(), model.inputShape())) {
            throw new InvalidInputException(images.name() + " images are "
                    + Arrays.toString(images.imageShape()) + " but the model in "
                    + modelDir + " takes " + Arrays.toString(model.inputShape()));
        }
        return images.images();
    }

    private ObjectNode index(Sequential model, List<String> captured, int count) {
        ObjectNode root = JsonOutput.object();
        root.put("model", modelDir.toAbsolutePath().resolve(ModelFiles.MODEL_JSON).toString());
        root.put("samples", count);
        ArrayNode list = root.putArray("layers");
        for (String layer : captured) {
            ObjectNode entry = list.addObject();
            entry.put("name", layer);
            entry.put("file", layer + ".npy");
            ArrayNode shape = entry.putArray("shape");
            shape.add(count);
            for (int d : model.outputShape(layer)) {
                shape.add(d);
            }
        }
        return root;
    }
}
