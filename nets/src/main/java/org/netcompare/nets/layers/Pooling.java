package org.netcompare.nets.layers;

import org.netcompare.engine.tensor.Tensor;

/**
 * What max and average pooling share: a square k x k window moved with stride s over each
 * channel of [N, C, H, W] without padding, output [N, C, Ho, Wo] with Ho = floor((H - k) / s) + 1
 * (PyTorch's floor mode).
 */
abstract class Pooling implements Layer {

    private final String name;
    final int kernel;
    final int stride;
    Tensor input;
    ConvGeometry geometry;

    Pooling(String name, int kernel, int stride) {
        this.name = name;
        this.kernel = Inputs.positive(name, "kernel", kernel);
        this.stride = Inputs.positive(name, "stride", stride);
    }

    @Override
    public final String name() {
        return name;
    }

    /** Checks the input, remembers it and its geometry (one channel per plane) for backward. */
    final Tensor begin(Tensor in) {
        Tensor x = Inputs.checkedBatch(this, in);
        input = x;
        geometry = new ConvGeometry(1, x.dim(2), x.dim(3), kernel, stride, 0);
        return x;
    }

    /** The output-gradient after checking it against the latest forward pass. */
    final Tensor checkedGradient(Tensor gradOutput) {
        int[] outShape = input == null ? null
                : new int[] {input.dim(0), input.dim(1), geometry.outHeight, geometry.outWidth};
        return Inputs.checkedGradient(this, input != null, gradOutput, outShape);
    }

    @Override
    public final int[] outputShape(int[] inputShape) {
        Inputs.requireRank(this, inputShape, 3, "[C, H, W]");
        ConvGeometry g = new ConvGeometry(1, inputShape[1], inputShape[2], kernel, stride, 0);
        if (g.outHeight < 1 || g.outWidth < 1) {
            throw new IllegalArgumentException(name + ": a " + kernel + "x" + kernel
                    + " window does not fit a " + inputShape[1] + "x" + inputShape[2] + " input");
        }
        return new int[] {inputShape[0], g.outHeight, g.outWidth};
    }
}
