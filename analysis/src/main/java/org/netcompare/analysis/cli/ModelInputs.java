package org.netcompare.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.io.NpyRowReader;
import org.netcompare.engine.tensor.Tensor;

/**
 * Reads the samples an {@code --input X.npy} flag names as batches for a model: float32
 * {@code [N, ...inputShape]}; a file of flat samples {@code [N, product of inputShape]} (or any
 * other per-sample shape of that size) is reshaped.
 */
final class ModelInputs {

    private ModelInputs() {
    }

    /** Sample indices {@code [from, to)}. */
    record Range(int from, int to) {
    }

    /** The whole file as one batch. */
    static Tensor read(Path file, int[] inputShape) throws IOException {
        NdArray array = Npy.read(file);
        int samples = requireFits(file, array.shape(), inputShape);
        return Tensor.wrap(array.toFloatArray(), batchShape(samples, inputShape));
    }

    /** The file opened for reading a batch at a time. */
    static Rows open(Path file, int[] inputShape) throws IOException {
        NpyRowReader reader = NpyRowReader.open(file);
        try {
            requireFits(file, reader.info().shape(), inputShape);
            return new Rows(reader, inputShape);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Consecutive batches of a file's samples. */
    static final class Rows implements AutoCloseable {
        private final NpyRowReader reader;
        private final int[] inputShape;

        private Rows(NpyRowReader reader, int[] inputShape) {
            this.reader = reader;
            this.inputShape = inputShape.clone();
        }

        int count() {
            return reader.rows();
        }

        /** The samples of {@code range}, which must start where the previous one ended. */
        Tensor next(Range range) throws IOException {
            if (range.from() != count() - reader.remaining()) {
                throw new IllegalStateException("batches must come in order");
            }
            int rows = range.to() - range.from();
            return Tensor.wrap(reader.read(rows).toFloatArray(), batchShape(rows, inputShape));
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * Returns the sample count.
     *
     * @throws InvalidInputException naming the file if its per-sample size does not fit
     */
    private static int requireFits(Path file, int[] shape, int[] inputShape) {
        long perSample = 1;
        for (int d : inputShape) {
            perSample *= d;
        }
        long fileSample = 1;
        for (int i = 1; i < shape.length; i++) {
            fileSample *= shape[i];
        }
        if (shape.length < 2 || fileSample != perSample) {
            throw new InvalidInputException(file + ": shape " + Arrays.toString(shape)
                    + " does not hold samples of the model's input shape "
                    + Arrays.toString(inputShape));
        }
        return shape[0];
    }

    private static int[] batchShape(int samples, int[] inputShape) {
        int[] shape = new int[inputShape.length + 1];
        shape[0] = samples;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return shape;
    }
}
