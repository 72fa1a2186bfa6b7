package org.netcompare.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.tensor.Tensor;

/** Reads the samples an {@code --input X.npy} flag names as a batch for a model. */
final class ModelInputs {

    private ModelInputs() {
    }

    /**
     * The samples of {@code file} as float32 {@code [N, ...inputShape]}; a file of flat samples
     * {@code [N, product of inputShape]} is reshaped.
     *
     * @throws InvalidInputException naming the file if its per-sample size does not fit
     */
    static Tensor read(Path file, int[] inputShape) throws IOException {
        NdArray array = Npy.read(file);
        int[] shape = array.shape();
        int perSample = Arrays.stream(inputShape).reduce(1, Math::multiplyExact);
        int samples = shape.length == 0 ? 0 : shape[0];
        if (shape.length < 2 || (long) samples * perSample != array.size()) {
            throw new InvalidInputException(file + ": shape " + Arrays.toString(shape)
                    + " does not hold samples of the model's input shape "
                    + Arrays.toString(inputShape));
        }
        int[] batchShape = new int[inputShape.length + 1];
        batchShape[0] = samples;
        System.arraycopy(inputShape, 0, batchShape, 1, inputShape.length);
        return Tensor.wrap(array.toFloatArray(), batchShape);
    }
}
