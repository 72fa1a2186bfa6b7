package org.netcompare.nets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.data.FashionMnist;
import org.netcompare.nets.layers.Buffer;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.model.ModelSpec;
import org.netcompare.nets.model.Sequential;

class TrainerTest {

    /** Small, but with every kind of state: weights, batch-norm buffers and dropout masks. */
    private static final ModelSpec TINY = ModelSpec.parse("""
            {"name": "tiny", "input": [1, 28, 28], "layers": [
             {"name": "flatten", "type": "flatten"},
             {"name": "fc1", "type": "linear", "in": 784, "out": 24},
             {"name": "bn1", "type": "batchnorm1d", "features": 24},
             {"name": "relu1", "type": "relu"},
             {"name": "drop1", "type": "dropout", "p": 0.3},
             {"name": "fc2", "type": "linear", "in": 24, "out": 10}]}""");

    private static Dataset train;
    private static Dataset test;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadData() throws IOException {
        train = FashionMnist.bundled(DatasetSplit.TRAIN, 160);
        test = FashionMnist.bundled(DatasetSplit.TEST, 80);
    }

    @Test
    void resumedRunEqualsUninterruptedRunBitForBit() throws IOException {
        for (String optimizer : List.of("sgd", "adam")) {
            TrainingSettings settings = new TrainingSettings(optimizer, 0.01, 0.9, 1e-4, 32, 3,
                    2, 0.5, 7);
            Sequential whole = TINY.build(settings.seed());
            Trainer trainer = new Trainer(whole, settings);
            List<EpochMetrics> wholeMetrics = new ArrayList<>();
            for (int epoch = 0; epoch < 3; epoch++) {
                wholeMetrics.add(trainer.runEpoch(epoch, train, test, TrainingProgress.NONE));
            }

            Sequential part = TINY.build(settings.seed());
            Trainer first = new Trainer(part, settings);
            EpochMetrics epoch0 = first.runEpoch(0, train, test, TrainingProgress.NONE);
            Path saved = dir.resolve(optimizer);
            new Checkpoint(TINY, part, settings, first.optimizer(), List.of(epoch0),
                    Map.of("dataset", "fashion-mnist")).save(saved);
            Checkpoint resumed = Checkpoint.load(saved);
            assertEquals(1, resumed.completedEpochs());
            assertEquals("fashion-mnist", resumed.run().get("dataset"));
            Trainer second = resumed.trainer();
            List<EpochMetrics> resumedMetrics = new ArrayList<>(List.of(epoch0));
            for (int epoch = 1; epoch < 3; epoch++) {
                resumedMetrics.add(second.runEpoch(epoch, train, test, TrainingProgress.NONE));
            }

            assertSameState(whole, resumed.model());
            for (int epoch = 0; epoch < 3; epoch++) {
                assertEquals(wholeMetrics.get(epoch).trainLoss(),
                        resumedMetrics.get(epoch).trainLoss(), optimizer + " epoch " + epoch);
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentWeights() {
        Sequential[] models = new Sequential[2];
        for (int seed = 0; seed < 2; seed++) {
            TrainingSettings settings = new TrainingSettings("sgd", 0.05, 0.9, 0, 32, 1, 1, 1,
                    seed);
            models[seed] = TINY.build(seed);
            new Trainer(models[seed], settings).runEpoch(0, train, test, TrainingProgress.NONE);
        }
        assertFalse(Arrays.equals(models[0].parameters().get(0).value().toArray(),
                models[1].parameters().get(0).value().toArray()));
        assertNotEquals(Trainer.epochSeed(0, 1), Trainer.epochSeed(1, 0),
                "the epoch seeds of seeds 0 and 1 must not overlap");
    }

    @Test
    void lossFallsToZeroErrorsOnASeparableProblem() {
        // two classes told apart by the sign of the first pixel, the rest noise
        SplittableRandom random = new SplittableRandom(3);
        int n = 64;
        float[] pixels = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                pixels[i * 4 + j] = (float) random.nextDouble(-0.5, 0.5);
            }
            pixels[i * 4] = labels[i] == 0 ? 1f : -1f;
        }
        Dataset data = new Dataset("separable", "test", Tensor.wrap(pixels, n, 1, 2, 2), labels,
                2);
        ModelSpec logistic = ModelSpec.parse("""
                {"name": "logistic", "input": [1, 2, 2], "layers": [
                 {"name": "flatten", "type": "flatten"},
                 {"name": "fc", "type": "linear", "in": 4, "out": 2}]}""");
        Trainer trainer = new Trainer(logistic.build(0),
                new TrainingSettings("sgd", 0.5, 0.9, 0, 8, 10, 10, 1, 0));
        List<Double> losses = new ArrayList<>();
        double accuracy = 0;
        for (int epoch = 0; epoch < 10; epoch++) {
            EpochMetrics m = trainer.runEpoch(epoch, data, data, TrainingProgress.NONE);
            losses.add(m.trainLoss());
            accuracy = m.testAccuracy();
        }
        assertTrue(losses.get(9) < 0.1 * losses.get(0), "losses " + losses);
        assertEquals(1.0, accuracy);
    }

    @Test
    void progressSeesEveryBatch() {
        List<Integer> batches = new ArrayList<>();
        new Trainer(TINY.build(0), new TrainingSettings("adam", 1e-3, 0, 0, 50, 1, 1, 1, 0))
                .runEpoch(0, train, test, (epoch, batch, count, loss, accuracy, rate) -> {
                    assertEquals(4, count);
                    assertTrue(loss > 0 && accuracy >= 0 && accuracy <= 1 && rate > 0);
                    batches.add(batch);
                });
        assertEquals(List.of(1, 2, 3, 4), batches);
    }

    @Test
    void checkpointRefusesToReplaceADirectoryWithOtherFiles() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        TrainingSettings settings = new TrainingSettings("sgd", 0.1, 0, 0, 8, 1, 1, 1, 0);
        Checkpoint checkpoint = new Checkpoint(TINY, TINY.build(0), settings,
                settings.newOptimizer(), List.of(), Map.of());
        assertThrows(IllegalArgumentException.class, () -> checkpoint.save(dir));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        checkpoint.save(dir.resolve("run"));
        checkpoint.save(dir.resolve("run"));
        assertEquals(4, Files.list(dir.resolve("run")).count());
    }

    private static void assertSameState(Sequential expected, Sequential actual) {
        List<Parameter> a = expected.parameters();
        List<Parameter> b = actual.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().toArray(), b.get(i).value().toArray(),
                    a.get(i).name());
        }
        List<Buffer> c = expected.buffers();
        List<Buffer> d = actual.buffers();
        for (int i = 0; i < c.size(); i++) {
            assertArrayEquals(c.get(i).value().toArray(), d.get(i).value().toArray(),
                    c.get(i).name());
        }
    }
}
