package org.netcompare.nets.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.SafeTensors;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Buffer;
import org.netcompare.nets.layers.Parameter;

/**
 * A model directory: {@code model.json} (the {@link ModelSpec}) and {@code weights.safetensors}
 * (every parameter and buffer under its PyTorch state_dict name and layout: conv weight
 * [out, in, kh, kw], linear weight [out, in], batch norm weight, bias, running_mean,
 * running_var as float32 and num_batches_tracked as an int64 scalar). A network trained in
 * PyTorch loads here with {@code nn.Sequential(OrderedDict(...))} names, and the file written
 * here loads with {@code model.load_state_dict(safetensors.torch.load_file(...))}.
 */
public final class ModelFiles {

    public static final String MODEL_JSON = "model.json";
    public static final String WEIGHTS = "weights.safetensors";

    private ModelFiles() {
    }

    /** A model read back from a directory: its architecture and the network with its weights. */
    public record Loaded(ModelSpec spec, Sequential model) {
    }

    /** Writes model.json and weights.safetensors into {@code dir} (created if needed). */
    public static void save(Path dir, ModelSpec spec, Sequential model) throws IOException {
        Files.createDirectories(dir);
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            tensors.put(p.name(), NdArray.ofFloats(p.value().toArray(), p.value().shape()));
        }
        for (Buffer b : model.buffers()) {
            Tensor value = b.value();
            if (b.isCount()) {
                long[] counts = new long[value.size()];
                float[] floats = value.toArray();
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = (long) floats[i];
                }
                tensors.put(b.name(), NdArray.ofLongs(counts, value.shape()));
            } else {
                tensors.put(b.name(), NdArray.ofFloats(value.toArray(), value.shape()));
            }
        }
        spec.write(dir.resolve(MODEL_JSON));
        SafeTensors.write(dir.resolve(WEIGHTS), tensors, Map.of("format", "pt"));
    }

    /**
     * Reads a model directory.
     *
     * @throws IllegalArgumentException for a model.json it refuses (naming the file)
     * @throws FileFormatException      for a weights file that lacks a tensor the model needs, has
     *                                  one it does not know, or one of the wrong shape or type
     */
    public static Loaded load(Path dir) throws IOException {
        ModelSpec spec = ModelSpec.read(dir.resolve(MODEL_JSON));
        Sequential model = spec.build(0);
        loadWeights(dir.resolve(WEIGHTS), model);
        return new Loaded(spec, model);
    }

    /**
     * Copies every parameter and buffer of {@code model} from a safetensors file, strictly as
     * PyTorch's {@code load_state_dict(strict=True)}: the names must match one to one. Floating
     * point tensors of any width are converted to float32.
     */
    public static void loadWeights(Path file, Sequential model) throws IOException {
        Map<String, NdArray> tensors;
        try {
            tensors = new LinkedHashMap<>(SafeTensors.read(file));
        } catch (NoSuchFileException e) {
            throw new FileFormatException(file, "no such file");
        }
        for (Parameter p : model.parameters()) {
            copy(file, p.name(), tensors.remove(p.name()), p.value(), false);
        }
        for (Buffer b : model.buffers()) {
            copy(file, b.name(), tensors.remove(b.name()), b.value(), b.isCount());
        }
        if (!tensors.isEmpty()) {
            throw new FileFormatException(file, "tensor " + tensors.keySet().iterator().next()
                    + " is not part of the model (" + tensors.size() + " unknown)");
        }
    }

    private static void copy(Path file, String name, NdArray stored, Tensor target, boolean count)
            throws FileFormatException {
        if (stored == null) {
            throw new FileFormatException(file, "tensor " + name + " is missing");
        }
        if (!Arrays.equals(stored.shape(), target.shape())) {
            throw new FileFormatException(file, "tensor " + name + " has shape "
                    + Arrays.toString(stored.shape()) + ", the model needs "
                    + Arrays.toString(target.shape()));
        }
        if (!count && !stored.dtype().isFloatingPoint()) {
            throw new FileFormatException(file, "tensor " + name + " is " + stored.dtype()
                    + ", the model needs floating point");
        }
        float[] values = stored.toFloatArray();
        System.arraycopy(values, 0, target.data(), target.offset(), values.length);
    }
}
