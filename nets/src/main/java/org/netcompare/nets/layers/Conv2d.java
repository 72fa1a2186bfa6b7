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
        int slots = slots(n, block);
        float[] cols = scratchColumns(slots * patch * block * positions);
        float[] product = scratchStaging(slots * outChannels * block * positions);
        float[] y = new float[n * outChannels * positions];
        float[] b = bias == null ? new float[outChannels] : bias.value().data();
        forEachBlock(n, block, slots, (first, count, slot) -> {
            int width = count * positions;
            int colsOff = slot * patch * block * positions;
            int productOff = slot * outChannels * block * positions;
            for (int i = 0; i < count; i++) {
                g.im2col(x.data(), x.offset() + (first + i) * g.imageSize(), cols, width,
                        colsOff + i * positions);
            }
            Sgemm.gemm(false, false, outChannels, width, patch, 1f, weight.value().data(), 0,
                    patch, cols, colsOff, width, 0f, product, productOff, width);
            // product is [out, count HoWo]; the output wants [count, out, HoWo].
            for (int i = 0; i < count; i++) {
                for (int o = 0; o < outChannels; o++) {
                    int src = productOff + o * width + i * positions;
                    int dst = ((first + i) * outChannels + o) * positions;
                    for (int p = 0; p < positions; p++) {
                        y[dst + p] = product[src + p] + b[o];
                    }
                }
            }
        });
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
        int slots = slots(n, block);
        float[] cols = scratchColumns(slots * patch * block * positions);
        float[] gathered = scratchStaging(slots * outChannels * block * positions);
        int blocks = (n + block - 1) / block;
        // One weight-gradient term per block, added in block order below, so the result does
        // not depend on how many blocks ran at once.
        float[] terms = new float[blocks * outChannels * patch];
        float[] dx = new float[n * g.imageSize()];
        forEachBlock(n, block, slots, (first, count, slot) -> {
            int width = count * positions;
            int colsOff = slot * patch * block * positions;
            int gatheredOff = slot * outChannels * block * positions;
            for (int i = 0; i < count; i++) {
                g.im2col(input.data(), input.offset() + (first + i) * g.imageSize(), cols, width,
                        colsOff + i * positions);
                for (int o = 0; o < outChannels; o++) {
                    System.arraycopy(dy, dyOffset + ((first + i) * outChannels + o) * positions,
                            gathered, gatheredOff + o * width + i * positions, positions);
                }
            }
            Sgemm.gemm(false, true, outChannels, patch, width, 1f, gathered, gatheredOff, width,
                    cols, colsOff, width, 0f, terms, first / block * outChannels * patch, patch);
            // cols now receives W^T dy, the gradient of the unrolled inputs.
            Sgemm.gemm(true, false, patch, width, outChannels, 1f, weight.value().data(), 0,
                    patch, gathered, gatheredOff, width, 0f, cols, colsOff, width);
            for (int i = 0; i < count; i++) {
                g.col2imAdd(cols, width, colsOff + i * positions, dx,
                        (first + i) * g.imageSize());
            }
        });
        float[] dw = weight.grad().data();
        for (int t = 0; t < terms.length; t++) {
            dw[t % dw.length] += terms[t];
        }
        if (bias != null) {
            addBiasGradient(dy, dyOffset, n, positions, bias.grad().data());
        }
        return Tensor.wrap(dx, input.shape());
    }

    /** What one block of samples does: samples [first, first + count) in scratch slot slot. */
    private interface BlockTask {
        void run(int first, int count, int slot);
    }

    /**
     * Runs the blocks of samples, up to {@code slots} at once in parallel (the conv GEMMs are too
     * thin for {@link Sgemm} to split), each in its own slot of the scratch arrays.
     */
    private static void forEachBlock(int n, int block, int slots, BlockTask task) {
        int blocks = (n + block - 1) / block;
        for (int wave = 0; wave < blocks; wave += slots) {
            int firstBlock = wave;
            int inWave = Math.min(slots, blocks - wave);
            Parallelism.forEach(inWave, slot -> {
                int first = (firstBlock + slot) * block;
                task.run(first, Math.min(block, n - first), slot);
            });
        }
    }

    /** Blocks in flight at once: one per worker thread, at most one per block. */
    private static int slots(int n, int block) {
        return Math.max(1, Math.min(Parallelism.threads(), (n + block - 1) / block));
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

    /** db[o] += sum over samples and positions of dy[n, o, position]. */
    private void addBiasGradient(float[] dy, int offset, int n, int positions, float[] db) {
        for (int o = 0; o < outChannels; o++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int from = offset + (i * outChannels + o) * positions;
                for (int p = from; p < from + positions; p++) {
                    sum += dy[p];
                }
            }
            db[o] += (float) sum;
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
