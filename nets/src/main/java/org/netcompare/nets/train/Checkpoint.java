package org.netcompare.nets.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.io.AtomicDirectories;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.SafeTensors;
import org.netcompare.nets.model.ModelFiles;
import org.netcompare.nets.model.ModelSpec;
import org.netcompare.nets.model.Sequential;

/**
 * A training run after a whole number of epochs, as a directory that is also a model directory
 * ({@link ModelFiles}):
 *
 * <pre>
 * model.json              the architecture
 * weights.safetensors     parameters and buffers
 * optimizer.safetensors   the optimiser state (momentum buffers or Adam moments and step)
 * metrics.json            {"epochs": [{"epoch", "train_loss", "train_accuracy",
 *                          "test_accuracy", "seconds"}, ...], "test_accuracy": last,
 *                          "completed_epochs": n, "settings": {...}, "run": {...}}
 * </pre>
 *
 * The random state needs no file: every random choice of epoch e derives from (seed, e)
 * ({@link Trainer}), so the completed epoch count is the generator's position. The directory is
 * written through a temporary sibling and renamed into place, so it is always whole.
 *
 * @param run free-form facts about the run (dataset, limit) kept in metrics.json
 */
public record Checkpoint(ModelSpec spec, Sequential model, TrainingSettings settings,
        Optimizer optimizer, List<EpochMetrics> epochs, Map<String, Object> run) {

    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String METRICS = "metrics.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Checkpoint {
        epochs = List.copyOf(epochs);
        run = new LinkedHashMap<>(run);
    }

    /** Epochs trained so far; the next epoch to run. */
    public int completedEpochs() {
        return epochs.size();
    }

    /** The trainer that continues this run. */
    public Trainer trainer() {
        return new Trainer(model, settings, optimizer);
    }

    /** Writes the checkpoint directory atomically, replacing an earlier checkpoint there. */
    public void save(Path dir) throws IOException {
        AtomicDirectories.write(dir, temporary -> {
            ModelFiles.save(temporary, spec, model);
            SafeTensors.write(temporary.resolve(OPTIMIZER), optimizer.state(),
                    Map.of("optimizer", settings.optimizer()));
            Files.write(temporary.resolve(METRICS), JSON.writeValueAsBytes(metricsJson()));
        });
    }

    /** The metrics.json content. */
    public ObjectNode metricsJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("epochs");
        for (EpochMetrics m : epochs) {
            list.addObject().put("epoch", m.epoch()).put("train_loss", m.trainLoss())
                    .put("train_accuracy", m.trainAccuracy())
                    .put("test_accuracy", m.testAccuracy()).put("seconds", m.seconds());
        }
        if (!epochs.isEmpty()) {
            root.put("test_accuracy", epochs.get(epochs.size() - 1).testAccuracy());
        }
        root.put("completed_epochs", epochs.size());
        root.set("settings", JSON.valueToTree(settings));
        root.set("run", JSON.valueToTree(run));
        return root;
    }

    /**
     * Reads a checkpoint directory.
     *
     * @throws IllegalArgumentException "{@code <file>: <problem>}" for a file it cannot use
     * @throws NoSuchFileException      for a missing file
     */
    public static Checkpoint load(Path dir) throws IOException {
        ModelFiles.Loaded loaded = ModelFiles.load(dir);
        Path metricsFile = dir.resolve(METRICS);
        JsonNode root = JSON.readTree(Files.readAllBytes(metricsFile));
        TrainingSettings settings;
        List<EpochMetrics> epochs = new ArrayList<>();
        try {
            settings = JSON.treeToValue(root.get("settings"), TrainingSettings.class);
            for (JsonNode m : root.get("epochs")) {
                epochs.add(new EpochMetrics(m.get("epoch").asInt(),
                        m.get("train_loss").asDouble(), m.get("train_accuracy").asDouble(),
                        m.get("test_accuracy").asDouble(), m.get("seconds").asDouble()));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(metricsFile + ": not a training checkpoint ("
                    + e.getMessage() + ")", e);
        }
        Optimizer optimizer = settings.newOptimizer();
        Path optimizerFile = dir.resolve(OPTIMIZER);
        try {
            optimizer.loadState(SafeTensors.read(optimizerFile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(optimizerFile + ": " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> run = root.has("run") ? JSON.treeToValue(root.get("run"), Map.class)
                : Map.of();
        return new Checkpoint(loaded.spec(), loaded.model(), settings, optimizer, epochs, run);
    }
}
