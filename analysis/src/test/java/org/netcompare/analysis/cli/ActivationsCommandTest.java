package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.analysis.data.LayerInputs;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.data.FashionMnist;
import org.netcompare.nets.model.ModelFiles;
import org.netcompare.nets.model.ModelSpec;
import org.netcompare.nets.model.ModelZoo;
import org.netcompare.nets.model.Sequential;

class ActivationsCommandTest {

    @TempDir
    Path dir;

    private Path modelDir;
    private Sequential model;
    private Tensor images;
    private Path input;

    @BeforeEach
    void saveModelAndInput() throws Exception {
        ModelSpec spec = ModelZoo.spec("lenet5");
        model = spec.build(5);
        modelDir = dir.resolve("model");
        ModelFiles.save(modelDir, spec, model);
        images = FashionMnist.bundled(DatasetSplit.TEST, 10).images();
        input = dir.resolve("x.npy");
        Npy.write(input, images);
    }

    @Test
    void streamsTheCapturedLayersInBatches() throws Exception {
        Path out = dir.resolve("acts");
        // batch size 4 over 10 samples: three batches, the last one short
        CommandRunner result = CommandRunner.run("activations", "--model", modelDir.toString(),
                "--input", input.toString(), "--layers", "fc3,conv1", "--batch-size", "4",
                "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        LayerInputs layers = LayerInputs.ofDirectory(out);
        assertEquals(List.of("conv1", "fc3"), layers.names());
        Map<String, Tensor> expected = model.forwardCapturing(images, false,
                List.of("conv1", "fc3"));
        for (String layer : List.of("conv1", "fc3")) {
            NdArray written = Npy.read(out.resolve(layer + ".npy"));
            assertArrayEquals(expected.get(layer).shape(), written.shape(), layer);
            // same arithmetic in batches of 4 as in one batch of 10: row results do not mix
            assertArrayEquals(expected.get(layer).toArray(), written.toFloatArray(), 1e-5f,
                    layer);
        }
        var index = JsonOutput.mapper().readTree(out.resolve("layers.json").toFile());
        assertEquals("[10,6,28,28]", index.get("layers").get(0).get("shape").toString());
    }

    @Test
    void readsADatasetAndCapturesAllLayers() throws Exception {
        Path out = dir.resolve("all");
        CommandRunner result = CommandRunner.run("activations", "--model", modelDir.toString(),
                "--dataset", "fashion-mnist", "--limit", "6", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        LayerInputs layers = LayerInputs.ofDirectory(out);
        assertEquals(model.layers().size(), layers.size());
        assertArrayEquals(new int[] {6, 10}, Npy.inspect(out.resolve("fc3.npy")).shape());
    }

    @Test
    void acceptsFlatSamplesAndRefusesSamplesOfAnotherSize() throws Exception {
        Path flat = dir.resolve("flat.npy");
        Npy.write(flat, NdArray.ofFloats(images.toArray(), 10, 784));
        Path out = dir.resolve("flat");
        CommandRunner result = CommandRunner.run("activations", "--model", modelDir.toString(),
                "--input", flat.toString(), "--layers", "fc3", "--batch-size", "3", "--out",
                out.toString());
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(model.forward(images, false).toArray(),
                Npy.read(out.resolve("fc3.npy")).toFloatArray(), 1e-5f);

        Path wrong = dir.resolve("wrong.npy");
        Npy.write(wrong, NdArray.ofFloats(new float[10 * 783], 10, 783));
        CommandRunner refused = CommandRunner.run("activations", "--model",
                modelDir.toString(), "--input", wrong.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(ExitCode.BAD_INPUT, refused.status());
        assertTrue(refused.errIsOneLine() && refused.err().contains("wrong.npy"),
                refused.err());
    }

    @Test
    void userErrorsEndInOneLine() {
        CommandRunner unknown = CommandRunner.run("activations", "--model", modelDir.toString(),
                "--input", input.toString(), "--layers", "fc9", "--out", dir.resolve("o")
                        .toString());
        assertEquals(ExitCode.BAD_INPUT, unknown.status());
        assertTrue(unknown.errIsOneLine() && unknown.err().contains("fc9"), unknown.err());

        CommandRunner missing = CommandRunner.run("activations", "--model",
                dir.resolve("none").toString(), "--input", input.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.status());
        assertTrue(missing.errIsOneLine() && missing.err().contains("none"), missing.err());
    }
}
