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
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.io.Npz;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.data.FashionMnist;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.model.ModelFiles;
import org.netcompare.nets.model.ModelSpec;
import org.netcompare.nets.model.ModelZoo;
import org.netcompare.nets.model.Sequential;

class GradientsCommandTest {

    private static final int SAMPLES = 3;

    @TempDir
    Path dir;

    private Path modelDir;
    private Sequential model;
    private Dataset data;
    private Path input;
    private Path labels;

    @BeforeEach
    void saveModelAndInput() throws Exception {
        ModelSpec spec = ModelZoo.spec("lenet5");
        model = spec.build(2);
        modelDir = dir.resolve("model");
        ModelFiles.save(modelDir, spec, model);
        data = FashionMnist.bundled(DatasetSplit.TEST, SAMPLES);
        input = dir.resolve("x.npy");
        labels = dir.resolve("y.npy");
        Npy.write(input, data.images());
        Npy.write(labels, NdArray.ofInts(data.labels(), SAMPLES));
    }

    @Test
    void perSampleGradientsMatchTheClosedFormAndTheBatchGradient() throws Exception {
        Path out = dir.resolve("g.npz");
        CommandRunner result = CommandRunner.run("gradients", "--model", modelDir.toString(),
                "--input", input.toString(), "--labels", labels.toString(), "--out",
                out.toString());
        assertEquals(0, result.status(), result.err());
        Map<String, NdArray> gradients = Npz.read(out);
        List<Parameter> parameters = model.parameters();
        assertEquals(parameters.stream().map(Parameter::name).toList(),
                List.copyOf(gradients.keySet()));
        assertArrayEquals(new int[] {SAMPLES, 6, 1, 5, 5},
                gradients.get("conv1.weight").shape());

        // closed form at the last layer: d CE / d bias = softmax(z) - onehot(label)
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        loss.forward(model.forward(data.images(), false), data.labels());
        float[] softmax = loss.probabilities().toArray();
        float[] biasGradients = gradients.get("fc3.bias").toFloatArray();
        for (int n = 0; n < SAMPLES; n++) {
            for (int k = 0; k < 10; k++) {
                double expected = softmax[n * 10 + k] - (k == data.label(n) ? 1 : 0);
                assertEquals(expected, biasGradients[n * 10 + k], 1e-6, "sample " + n);
            }
        }

        // the mean of the per-sample gradients is the gradient of the batch's mean loss,
        // computed here in one batched pass (float32 sums in another order: 1e-5 relative)
        model.zeroGrad();
        model.backward(loss.backward());
        for (Parameter p : model.parameters()) {
            float[] perSample = gradients.get(p.name()).toFloatArray();
            float[] batch = p.grad().toArray();
            double scale = 0;
            for (float g : batch) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < batch.length; i++) {
                double mean = 0;
                for (int n = 0; n < SAMPLES; n++) {
                    mean += perSample[n * batch.length + i];
                }
                mean /= SAMPLES;
                assertEquals(batch[i], mean, 1e-5 * scale + 1e-9, p.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void refusesMismatchedLabelsAndMissingModels() throws Exception {
        Path two = dir.resolve("two.npy");
        Npy.write(two, NdArray.ofInts(new int[] {1, 2}, 2));
        CommandRunner mismatched = CommandRunner.run("gradients", "--model",
                modelDir.toString(), "--input", input.toString(), "--labels", two.toString(),
                "--out", dir.resolve("g.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, mismatched.status());
        assertTrue(mismatched.errIsOneLine() && mismatched.err().contains("2 labels for 3"),
                mismatched.err());

        CommandRunner missing = CommandRunner.run("gradients", "--model",
                dir.resolve("none").toString(), "--input", input.toString(), "--labels",
                labels.toString(), "--out", dir.resolve("g.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.status());
        assertTrue(missing.errIsOneLine(), missing.err());
    }
}
