package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.model.ModelSpec;
import org.netcompare.nets.model.ModelZoo;
import org.netcompare.nets.train.Checkpoint;
import org.netcompare.nets.train.EpochMetrics;
import org.netcompare.nets.train.Trainer;
import org.netcompare.nets.train.TrainingProgress;
import org.netcompare.nets.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netcompare train}: trains a model of the zoo on a dataset and writes a model directory
 * that is also a training checkpoint ({@link Checkpoint}): model.json, weights.safetensors,
 * optimizer.safetensors and metrics.json. The directory is rewritten atomically after every
 * epoch, so an interrupted run resumes from its last whole epoch with {@code --resume} and ends
 * with the weights the uninterrupted run would have had.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model (mlp, lenet5, alexnet-small, vgg-small) on a dataset.")
final class TrainCommand extends BaseCommand {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "lenet5",
            description = "Architecture from the model zoo (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    DatasetOptions data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "Epochs in all, counting those of a resumed run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64",
            description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--optimizer", paramLabel = "sgd|adam", defaultValue = "sgd",
            description = "SGD with momentum or Adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Base learning rate (default: 0.05 for sgd, 0.001 for adam).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0.9",
            description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "0",
            description = "L2 penalty added to the gradients (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--step-size", paramLabel = "EPOCHS", defaultValue = "5",
            description = "Epochs between learning-rate decays (default: ${DEFAULT-VALUE}).")
    int stepSize;

    @Option(names = "--gamma", paramLabel = "F", defaultValue = "0.1",
            description = "Learning-rate factor at each decay (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Model directory to write (model.json, weights.safetensors,"
                    + " optimizer.safetensors, metrics.json).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run checkpointed in DIR up to --epochs; its model,"
                    + " dataset, limit and recipe are used, the flags for them are ignored.")
    Path resume;

    @Override
    protected void run() throws Exception {
        Checkpoint checkpoint = resume == null ? null : resumed();
        Dataset train = data.load(DatasetSplit.TRAIN);
        Dataset test = data.load(DatasetSplit.TEST);
        if (checkpoint == null) {
            checkpoint = start(train.imageShape());
        }
        verbose("training " + checkpoint.spec().name() + " on " + train + "; testing on "
                + test);
        Trainer trainer = checkpoint.trainer();
        List<EpochMetrics> history = new ArrayList<>(checkpoint.epochs());
        ProgressLine line = new ProgressLine(stderr());
        TrainingProgress progress = showsProgress()
                ? (epoch, batch, batches, loss, accuracy, rate) -> line.update(status(epoch,
                        batch, batches, loss, accuracy, rate))
                : TrainingProgress.NONE;
        for (int epoch = checkpoint.completedEpochs(); epoch < epochs; epoch++) {
            EpochMetrics metrics;
            try {
                metrics = trainer.runEpoch(epoch, train, test, progress);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
            history.add(metrics);
            if (showsProgress()) {
                line.finish(String.format(Locale.ROOT,
                        "epoch %d/%d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s",
                        epoch + 1, epochs, metrics.trainLoss(), metrics.trainAccuracy(),
                        metrics.testAccuracy(), metrics.seconds()));
            }
            checkpoint = new Checkpoint(checkpoint.spec(), trainer.model(),
                    checkpoint.settings().withEpochs(epochs), trainer.optimizer(), history,
                    checkpoint.run());
            try {
                checkpoint.save(out);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--out " + e.getMessage(), e);
            }
        }
        ObjectNode summary = JsonOutput.object();
        summary.put("out", out.toString());
        summary.put("completed_epochs", checkpoint.completedEpochs());
        if (!history.isEmpty()) {
            summary.put("test_accuracy", history.get(history.size() - 1).testAccuracy());
        }
        JsonOutput.write(summary, null, stdout());
    }

    /** A new run: the zoo model for the dataset's image shape, initialised from the seed. */
    private Checkpoint start(int[] imageShape) {
        if (epochs < 1) {
            throw new InvalidInputException("--epochs must be at least 1, got " + epochs);
        }
        if (Files.exists(out.resolve(Checkpoint.METRICS))) {
            throw new InvalidInputException(out + ": holds a training run already; pass"
                    + " --resume " + out + " to continue it or choose a new --out");
        }
        TrainingSettings settings;
        ModelSpec spec;
        try {
            double rate = learningRate != null ? learningRate
                    : optimizer.equalsIgnoreCase(TrainingSettings.ADAM) ? 1e-3 : 0.05;
            settings = new TrainingSettings(optimizer, rate, momentum, weightDecay, batchSize,
                    epochs, stepSize, gamma, common.seed());
            spec = ModelZoo.spec(model, imageShape);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("model", model);
        run.put("dataset", data.name);
        run.put("limit", data.limit);
        return new Checkpoint(spec, spec.build(settings.seed()), settings,
                settings.newOptimizer(), List.of(), run);
    }

    /** The checkpointed run, with the dataset and limit it was trained on. */
    private Checkpoint resumed() throws Exception {
        if (!Files.isDirectory(resume)) {
            throw new InvalidInputException(resume + ": no such checkpoint directory");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.load(resume);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        Object dataset = checkpoint.run().get("dataset");
        if (dataset instanceof String name) {
            data.name = name;
        }
        data.limit = checkpoint.run().get("limit") instanceof Number n ? n.intValue() : null;
        if (epochs <= checkpoint.completedEpochs()) {
            notice(resume + " has " + checkpoint.completedEpochs() + " epochs already; --epochs "
                    + epochs + " asks for no more");
        }
        return checkpoint;
    }

    private static String status(int epoch, int batch, int batches, double loss,
            double accuracy, double rate) {
        int filled = batch * 20 / batches;
        return String.format(Locale.ROOT, "epoch %d [%s%s] %d/%d loss %.4f acc %.4f %.0f img/s",
                epoch + 1, "#".repeat(filled), ".".repeat(20 - filled), batch, batches, loss,
                accuracy, rate);
    }
}
