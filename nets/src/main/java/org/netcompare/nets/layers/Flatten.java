package org.netcompare.nets.layers;

import org.netcompare.engine.tensor.Tensor;

/**
 * Keeps the batch axis and flattens the rest in row-major order, PyTorch's {@code nn.Flatten()}.
 *
 * <pre>
 * input  x [N, d1, d2, ...]
 * output y [N, d1 d2 ...], a view of x
 * backward: dx = dy reshaped to [N, d1, d2, ...]
 * </pre>
 */
public final class Flatten implements Layer {

    private final String name;
    private int[] inputShape;

    public Flatten(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
        Tensor x = Inputs.checkedBatch(this, in);
        inputShape = x.shape();
        return x.reshape(x.dim(0), -1);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        int[] outShape = inputShape == null ? null
                : new int[] {inputShape[0],
                        Math.toIntExact(sizeOf(Inputs.sampleShape(inputShape)))};
        Tensor g = Inputs.checkedGradient(this, inputShape != null, gradOutput,
                outShape);
        return g.reshape(inputShape);
    }

    @Override
    public int[] outputShape(int[] sampleShape) {
        return new int[] {Math.toIntExact(sizeOf(sampleShape))};
    }

    private static long sizeOf(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }
}
