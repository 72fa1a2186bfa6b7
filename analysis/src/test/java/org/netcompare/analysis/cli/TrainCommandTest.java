package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.SafeTensors;

class TrainCommandTest {

    @TempDir
    Path dir;

    private static final String[] RECIPE = {"--model", "mlp", "--dataset", "fashion-mnist",
        "--limit", "200", "--batch-size", "32", "--seed", "3", "--threads", "1"};

    @Test
    void writesAModelDirectoryWithMetrics() throws Exception {
        Path out = dir.resolve("run");
        CommandRunner result = train("--epochs", "1", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        for (String file : new String[] {"model.json", "weights.safetensors",
                "optimizer.safetensors", "metrics.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        JsonNode metrics = JsonOutput.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(1, metrics.get("epochs").size());
        double accuracy = metrics.get("test_accuracy").asDouble();
        // ten classes: one epoch on 200 images must beat chance (0.1) clearly
        assertTrue(accuracy > 0.3 && accuracy <= 1, "test accuracy " + accuracy);
        assertEquals("sgd", metrics.get("settings").get("optimizer").asText());
        assertEquals(0.05, metrics.get("settings").get("learningRate").asDouble());
        assertEquals(3, metrics.get("settings").get("seed").asLong());
    }

    @Test
    void resumedRunEndsWithTheWeightsOfTheUninterruptedRun() throws Exception {
        Path whole = dir.resolve("whole");
        Path part = dir.resolve("part");
        assertEquals(0, train("--epochs", "2", "--out", whole.toString()).status());
        assertEquals(0, train("--epochs", "1", "--out", part.toString()).status());
        CommandRunner resumed = CommandRunner.run("train", "--resume", part.toString(),
                "--epochs", "2", "--out", part.toString(), "--threads", "1");
        assertEquals(0, resumed.status(), resumed.err());
        Map<String, NdArray> a = SafeTensors.read(whole.resolve("weights.safetensors"));
        Map<String, NdArray> b = SafeTensors.read(part.resolve("weights.safetensors"));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).toFloatArray(), b.get(name).toFloatArray(), name);
        }
    }

    @Test
    void userErrorsEndInOneLine() {
        CommandRunner missing = CommandRunner.run("train", "--resume",
                dir.resolve("nothing").toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.status());
        assertTrue(missing.errIsOneLine() && missing.err().contains("nothing"), missing.err());

        CommandRunner model = CommandRunner.run("train", "--model", "resnet", "--limit", "10",
                "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.BAD_INPUT, model.status());
        assertTrue(model.errIsOneLine() && model.err().contains("resnet"), model.err());

        CommandRunner optimizer = CommandRunner.run("train", "--optimizer", "rmsprop",
                "--limit", "10", "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.BAD_INPUT, optimizer.status());
        assertTrue(optimizer.errIsOneLine() && optimizer.err().contains("rmsprop"),
                optimizer.err());
    }

    @Test
    void refusesToReplaceADirectoryOfOtherFiles() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        CommandRunner result = train("--epochs", "1", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, result.status());
        assertTrue(result.errIsOneLine() && result.err().contains("notes.txt"), result.err());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    private static CommandRunner train(String... more) {
        String[] args = new String[RECIPE.length + more.length + 1];
        args[0] = "train";
        System.arraycopy(RECIPE, 0, args, 1, RECIPE.length);
        System.arraycopy(more, 0, args, 1 + RECIPE.length, more.length);
        return CommandRunner.run(args);
    }
}
