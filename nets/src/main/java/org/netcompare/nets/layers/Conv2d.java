package org.netcompare.nets.layers;

import java.util.List;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code nn.Conv2d}) with a square kernel,
 * stride and zero padding, computed as one matrix product per block of samples whose unrolled
 * inputs ({@link ConvGeometry}) stand side by side; the products run multithreaded in
 * {@link Sgemm}, the unrolling in parallel over samples.
 *
 * <pre>
 * input  x  [N, C, H, W]
 * weight W  [out, C, k, k]   state_dict "weight"
 * bias   b  [out]            state_dict "bias" (optional)
 * output y  [N, out, Ho, Wo], Ho = floor((H + 2p - k) / s) + 1, Wo likewise
 * forward:  [y_1 ... y_B] = W [out, Ck^2] * [im2col(x_1) ... im2col(x_B)] [Ck^2, B HoWo] + b
 * backward: dW += [dy_1 ... dy_B] [im2col(x_1) ... im2col(x_B)]^T, db += sum over n, Ho, Wo of dy,
 *           dx_n = col2im(W^T dy_n)
 * </pre>
 */
public final class Conv2d implements Layer {

    /**
     * Floats in one block's column matrix (512 KiB, within a core's L2 cache). Measured on
     * LeNet-5's conv2 at batch 128 (forward + backward, one thread): 6.4 ms with 512 KiB blocks,
     * 6.5 with 2 and 4 MiB, 20 with 8 MiB, where the GEMM's operands fall out of cache.
     */
    private static final long BLOCK_FLOATS = 1 << 17;

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
    /** Scratch reused across passes: unrolled inputs, and outputs in [out, samples HoWo]. */
    private float[] columns = new float[0];
    private float[] staging = new float[0];

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
        int block = samplesPerBlock(g, n);
        float[] cols = scratchColumns(patch * block * positions);
        float[] product = scratchStaging(outChannels * block * positions);
        float[] y = new float[n * outChannels * positions];
        float[] b = bias == null ? new float[outChannels] : bias.value().data();
        for (int start = 0; start < n; start += block) {
            int first = start;
            int count = Math.min(block, n - start);
            int width = count * positions;
            Parallelism.forEach(count, i -> g.im2col(x.data(),
                    x.offset() + (first + i) * g.imageSize(), cols, width, i * positions));
            Sgemm.gemm(false, false, outChannels, width, patch, 1f, weight.value().data(), 0,
                    patch, cols, 0, width, 0f, product, 0, width);
            // product is [out, count HoWo]; the output wants [count, out, HoWo].
            Parallelism.forEach(count, i -> {
                for (int o = 0; o < outChannels; o++) {
                    int src = o * width + i * positions;
                    int dst = ((first + i) * outChannels + o) * positions;
                    for (int p = 0; p < positions; p++) {
                        y[dst + p] = product[src + p] + b[o];
                    }
                }
            });
        }
        input = x;
        geometry = g;
        return Tensor.wrap(y, n, outChannels, g.outHeight, g.outWidth);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        ConvGeometry g = geometry;
        int n = input == null ? 0 : input.dim(0);
        Tensor dyTensor = Inputs.checkedGradient(this, input != null, gradOutput,
                g == null ? null : new int[] {n, outChannels, g.outHeight, g.outWidth});
        float[] dy = dyTensor.data();
        int dyOffset = dyTensor.offset();
        int patch = g.patchSize();
        int positions = g.positions();
        int block = samplesPerBlock(g, n);
        float[] cols = scratchColumns(patch * block * positions);
        float[] gathered = scratchStaging(outChannels * block * positions);
        float[] dx = new float[n * g.imageSize()];
        for (int start = 0; start < n; start += block) {
            int first = start;
            int count = Math.min(block, n - start);
            int width = count * positions;
            Parallelism.forEach(count, i -> {
                g.im2col(input.data(), input.offset() + (first + i) * g.imageSize(), cols, width,
                        i * positions);
                for (int o = 0; o < outChannels; o++) {
                    System.arraycopy(dy, dyOffset + ((first + i) * outChannels + o) * positions,
                            gathered, o * width + i * positions, positions);
                }
            });
            Sgemm.gemm(false, true, outChannels, patch, width, 1f, gathered, 0, width, cols, 0,
                    width, 1f, weight.grad().data(), 0, patch);
            if (bias != null) {
                addRowSums(gathered, width, bias.grad().data());
            }
            // cols now receives W^T dy, the gradient of the unrolled inputs.
            Sgemm.gemm(true, false, patch, width, outChannels, 1f, weight.value().data(), 0,
                    patch, gathered, 0, width, 0f, cols, 0, width);
            Parallelism.forEach(count, i -> g.col2imAdd(cols, width, i * positions, dx,
                    (first + i) * g.imageSize()));
        }
        return Tensor.wrap(dx, input.shape());
    }

    private float[] scratchColumns(int size) {
        if (columns.length < size) {
            columns = new float[size];
        }
        return columns;
    }

    private float[] scratchStaging(int size) {
        if (staging.length < size) {
            staging = new float[size];
        }
        return staging;
    }

    private static int samplesPerBlock(ConvGeometry g, int n) {
        long perSample = (long) g.patchSize() * g.positions();
        return (int) Math.max(1, Math.min(n, BLOCK_FLOATS / perSample));
    }

    private void addRowSums(float[] matrix, int width, float[] sums) {
        for (int o = 0; o < outChannels; o++) {
            double sum = 0;
            for (int p = o * width; p < (o + 1) * width; p++) {
                sum += matrix[p];
            }
            sums[o] += (float) sum;
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
