package org.netcompare.nets.layers;

import java.util.List;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code nn.Conv2d}) with a square kernel,
 * stride and zero padding, computed per sample as a matrix product with the unrolled input
 * ({@link ConvGeometry}), samples spread over the worker threads.
 *
 * <pre>
 * input  x  [N, C, H, W]
 * weight W  [out, C, k, k]   state_dict "weight"
 * bias   b  [out]            state_dict "bias" (optional)
 * output y  [N, out, Ho, Wo], Ho = floor((H + 2p - k) / s) + 1, Wo likewise
 * forward:  y_n = W [out, Ck^2] * im2col(x_n) [Ck^2, HoWo] + b
 * backward: dW += sum_n dy_n im2col(x_n)^T, db += sum over n, Ho, Wo of dy,
 *           dx_n = col2im(W^T dy_n)
 * </pre>
 */
public final class Conv2d implements Layer {

    private final String name;
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor input;
    private ConvGeometry geometry;

    /** A layer with zero weights; see {@code Initialization} for random ones. */
    public Conv2d(String name, int inChannels, int outChannels, int kernel, int stride, int padding,
            boolean withBias) {
        this.name = name;
        this.inChannels = Inputs.positive(name, "in", inChannels);
        this.outChannels = Inputs.positive(name, "out", outChannels);
        this.kernel = Inputs.positive(name, "kernel", kernel);
        this.stride = Inputs.positive(name, "stride", stride);
        if (padding < 0) {
            throw new IllegalArgumentException(
                    name + ": padding must be non-negative, got " + padding);
        }
        this.padding = padding;
        this.weight = new Parameter("weight",
                Tensor.zeros(outChannels, inChannels, kernel, kernel));
        this.bias = withBias ? new Parameter("bias", Tensor.zeros(outChannels)) : null;
    }

    @Override
    public String name() {
        return name;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null for a layer without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
        Tensor x = Inputs.checkedBatch(this, in);
        int n = x.dim(0);
        ConvGeometry g = new ConvGeometry(inChannels, x.dim(2), x.dim(3), kernel, stride, padding);
        int patch = g.patchSize();
        int positions = g.positions();
        float[] y = new float[n * outChannels * positions];
        float[] w = weight.value().data();
        BatchChunks chunks = new BatchChunks(n);
        chunks.forEach(chunk -> {
            float[] cols = new float[patch * positions];
            for (int s = chunks.start(chunk); s < chunks.end(chunk); s++) {
                g.im2col(x.data(), x.offset() + s * g.imageSize(), cols);
                int out = s * outChannels * positions;
                Sgemm.gemm(false, false, outChannels, positions, patch, 1f, w, 0, patch, cols, 0,
                        positions, 0f, y, out, positions);
                if (bias != null) {
                    addBias(y, out, positions);
                }
            }
        });
        input = x;
        geometry = g;
        return Tensor.wrap(y, n, outChannels, g.outHeight, g.outWidth);
    }

    private void addBias(float[] y, int offset, int positions) {
        float[] b = bias.value().data();
        for (int o = 0; o < outChannels; o++) {
            int row = offset + o * positions;
            for (int p = 0; p < positions; p++) {
                y[row + p] += b[o];
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ConvGeometry g = geometry;
        int n = input == null ? 0 : input.dim(0);
        Tensor dyTensor = Inputs.checkedGradient(this, input != null, gradOutput,
                g == null ? null : new int[] {n, outChannels, g.outHeight, g.outWidth});
        float[] dy = dyTensor.data();
        int dyOff = dyTensor.offset();
        int patch = g.patchSize();
        int positions = g.positions();
        float[] w = weight.value().data();
        float[] dx = new float[n * g.imageSize()];
        BatchChunks chunks = new BatchChunks(n);
        float[][] weightGrads = new float[chunks.count()][];
        float[][] biasGrads = new float[chunks.count()][];
        chunks.forEach(chunk -> {
            float[] cols = new float[patch * positions];
            float[] dw = new float[outChannels * patch];
            float[] db = new float[outChannels];
            for (int s = chunks.start(chunk); s < chunks.end(chunk); s++) {
                int dyAt = dyOff + s * outChannels * positions;
                g.im2col(input.data(), input.offset() + s * g.imageSize(), cols);
                Sgemm.gemm(false, true, outChannels, patch, positions, 1f, dy, dyAt, positions,
                        cols, 0, positions, 1f, dw, 0, patch);
                for (int o = 0; o < outChannels; o++) {
                    int row = dyAt + o * positions;
                    float sum = 0f;
                    for (int p = 0; p < positions; p++) {
                        sum += dy[row + p];
                    }
                    db[o] += sum;
                }
                // cols now receives W^T dy_n, the gradient of the unrolled input.
                Sgemm.gemm(true, false, patch, positions, outChannels, 1f, w, 0, patch, dy, dyAt,
                        positions, 0f, cols, 0, positions);
                g.col2imAdd(cols, dx, s * g.imageSize());
            }
            weightGrads[chunk] = dw;
            biasGrads[chunk] = db;
        });
        for (int chunk = 0; chunk < chunks.count(); chunk++) {
            addInto(weight.grad().data(), weightGrads[chunk]);
            if (bias != null) {
                addInto(bias.grad().data(), biasGrads[chunk]);
            }
        }
        return Tensor.wrap(dx, input.shape());
    }

    private static void addInto(float[] target, float[] values) {
        for (int i = 0; i < values.length; i++) {
            target[i] += values[i];
        }
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        Inputs.requireRank(this, inputShape, 3, "[C, H, W]");
        if (inputShape[0] != inChannels) {
            throw new IllegalArgumentException(name + ": expects " + inChannels
                    + " input channels, got " + inputShape[0]);
        }
        ConvGeometry g = new ConvGeometry(inChannels, inputShape[1], inputShape[2], kernel, stride,
                padding);
        if (g.outHeight < 1 || g.outWidth < 1) {
            throw new IllegalArgumentException(name + ": a " + kernel + "x" + kernel
                    + " kernel with padding " + padding + " does not fit a " + inputShape[1] + "x"
                    + inputShape[2] + " input");
        }
        return new int[] {outChannels, g.outHeight, g.outWidth};
    }
}
