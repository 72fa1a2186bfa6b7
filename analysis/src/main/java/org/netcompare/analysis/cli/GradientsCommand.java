package org.netcompare.analysis.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.io.Npz;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.model.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netcompare gradients}: per-sample gradients, for each sample n the gradient of its own
 * cross-entropy loss at its label, {@code d CE(f(x_n), y_n) / d theta}, with respect to every
 * parameter, written to an .npz with one array {@code [samples, ...parameter shape]} per
 * parameter under its state_dict name ({@code conv1.weight}, ...).
 *
 * <p>Each sample goes through alone (batch of one) in evaluation mode, so batch statistics and
 * dropout play no part. The samples run one after another: a layer holds the state of one pass
 * and is not thread safe, and the layers parallelise inside the pass already.
 */
@Command(name = "gradients", mixinStandardHelpOptions = true,
        description = "Write the per-sample loss gradient of every parameter of a model.")
final class GradientsCommand extends BaseCommand {

    /** Bytes the result may take of the memory the JVM has left; the rest is for writing it. */
    private static final double MEMORY_SHARE = 0.6;

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Model directory (model.json and weights.safetensors).")
    Path modelDir;

    @Option(names = "--input", paramLabel = "X.npy", required = true,
            description = "Samples [N, ...model input shape] (or flat [N, features]).")
    Path input;

    @Option(names = "--labels", paramLabel = "Y.npy", required = true,
            description = "Integer labels [N].")
    Path labelsFile;

    @Option(names = "--out", paramLabel = "G.npz", required = true,
            description = "The .npz to write.")
    Path out;

    @Override
    protected void run() throws Exception {
        Sequential model = ModelDirectory.load(modelDir).model();
        Tensor samples = ModelInputs.read(input, model.inputShape());
        int[] labels = labels(samples.dim(0));
        List<Parameter> parameters = model.parameters();
        long perSample = parameters.stream().mapToLong(p -> p.value().size()).sum();
        requireMemory(labels.length, perSample, parameters);

        Map<String, float[]> gradients = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            gradients.put(p.name(), new float[labels.length * p.value().size()]);
        }
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        for (int n = 0; n < labels.length; n++) {
            Tensor sample = samples.slice(0, n, n + 1).contiguous();
            loss.forward(model.forward(sample, false), new int[] {labels[n]});
            model.zeroGrad();
            model.backward(loss.backward());
            for (Parameter p : model.parameters()) {
                int size = p.value().size();
                System.arraycopy(p.grad().data(), p.grad().offset(), gradients.get(p.name()),
                        n * size, size);
            }
            progress("gradients: " + (n + 1) + "/" + labels.length + " samples");
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            int[] shape = p.value().shape();
            int[] batched = new int[shape.length + 1];
            batched[0] = labels.length;
            System.arraycopy(shape, 0, batched, 1, shape.length);
            arrays.put(p.name(), NdArray.ofFloats(gradients.get(p.name()), batched));
        }
        Npz.write(out, arrays);
    }

    private int[] labels(int samples) throws Exception {
        NdArray array = Npy.read(labelsFile);
        if (array.rank() != 1 || array.dtype().isFloatingPoint()) {
            throw new InvalidInputException(labelsFile + ": labels must be a 1-d integer array,"
                    + " got " + array);
        }
        if (array.size() != samples) {
            throw new InvalidInputException(labelsFile + ": " + array.size() + " labels for "
                    + samples + " samples in " + input);
        }
        return array.toIntArray();
    }

    /** Refuses before allocating when the gradients would not fit the JVM's heap. */
    private void requireMemory(long samples, long perSample, List<Parameter> parameters) {
        long bytes = samples * perSample * Float.BYTES;
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        for (Parameter p : parameters) {
            if (samples * p.value().size() > NdArray.MAX_ELEMENTS) {
                throw new InvalidInputException(samples + " samples of " + p.name()
                        + " make more elements than one array holds; pass fewer samples");
            }
        }
        if (bytes > MEMORY_SHARE * available) {
            throw new InvalidInputException(String.format(
                    "the gradients of %d samples x %d parameters take %.1f MiB, more than the"
                            + " %.1f MiB of memory left; pass fewer samples or raise the heap"
                            + " (JAVA_OPTS=-Xmx...)", samples, perSample, bytes / 1048576.0,
                    MEMORY_SHARE * available / 1048576.0));
        }
        verbose(String.format("gradients: %.1f MiB for %d samples", bytes / 1048576.0, samples));
    }
}
