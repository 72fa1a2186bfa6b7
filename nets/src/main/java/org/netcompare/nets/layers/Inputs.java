package org.netcompare.nets.layers;

import java.util.Arrays;
import org.netcompare.engine.tensor.Tensor;

/** Checks shared by the layers' forward and backward passes. */
final class Inputs {

    private Inputs() {
    }

    /**
     * The input as a contiguous tensor after checking that it is a batch whose per-sample shape
     * the layer accepts ({@link Layer#outputShape} throws otherwise).
     */
    static Tensor checkedBatch(Layer layer, Tensor input) {
        if (input.rank() < 2) {
            throw new IllegalArgumentException(layer.name()
                    + ": input must be a batch [N, ...], got "
                    + Arrays.toString(input.shape()));
        }
        layer.outputShape(sampleShape(input.shape()));
        return input.contiguous();
    }

    /** The shape without its leading batch axis. */
    static int[] sampleShape(int[] batchShape) {
        return Arrays.copyOfRange(batchShape, 1, batchShape.length);
    }

    /** The gradient as a contiguous tensor after checking it has the shape of the output. */
    static Tensor checkedGradient(Layer layer, boolean forwardDone, Tensor gradOutput,
            int[] outputShape) {
        if (!forwardDone) {
            throw new IllegalStateException(layer.name() + ": backward before forward");
        }
        if (!Arrays.equals(gradOutput.shape(), outputShape)) {
            throw new IllegalArgumentException(layer.name() + ": output gradient has shape "
                    + Arrays.toString(gradOutput.shape()) + ", the output had "
                    + Arrays.toString(outputShape));
        }
        return gradOutput.contiguous();
    }

    /** Requires {@code rank} per-sample axes. */
    static void requireRank(Layer layer, int[] sampleShape, int rank, String what) {
        if (sampleShape.length != rank) {
            throw new IllegalArgumentException(layer.name() + ": expects " + what
                    + " per sample, got "
                    + Arrays.toString(sampleShape));
        }
    }

    /** Requires a positive size. */
    static int positive(String layer, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    layer + ": " + what + " must be positive, got " + value);
        }
        return value;
    }
}
