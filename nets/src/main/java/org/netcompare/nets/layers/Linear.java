package org.netcompare.nets.layers;

import java.util.List;
import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.tensor.Tensor;

/**
 * Fully connected layer, PyTorch's {@code nn.Linear}: y = x W^T + b.
 *
 * <pre>
 * input  x  [N, in]
 * weight W  [out, in]      state_dict "weight"
 * bias   b  [out]          state_dict "bias" (optional)
 * output y  [N, out]
 * backward: dW += dy^T x [out, in], db += sum_n dy [out], dx = dy W [N, in]
 * </pre>
 */
public final class Linear implements Layer {

    private final String name;
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor input;

    /** A layer with zero weights; see {@code Initialization} for random ones. */
    public Linear(String name, int inFeatures, int outFeatures, boolean withBias) {
        this.name = name;
        this.inFeatures = Inputs.positive(name, "in", inFeatures);
        this.outFeatures = Inputs.positive(name, "out", outFeatures);
        this.weight = new Parameter("weight", Tensor.zeros(outFeatures, inFeatures));
        this.bias = withBias ? new Parameter("bias", Tensor.zeros(outFeatures)) : null;
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
        float[] y = new float[n * outFeatures];
        if (bias != null) {
            float[] b = bias.value().data();
            for (int i = 0; i < n; i++) {
                System.arraycopy(b, 0, y, i * outFeatures, outFeatures);
            }
        }
        Sgemm.gemm(false, true, n, outFeatures, inFeatures, 1f, x.data(), x.offset(), inFeatures,
                weight.value().data(), 0, inFeatures, bias == null ? 0f : 1f, y, 0, outFeatures);
        input = x;
        return Tensor.wrap(y, n, outFeatures);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        int n = input == null ? 0 : input.dim(0);
        Tensor g = Inputs.checkedGradient(this, input != null, gradOutput,
                new int[] {n, outFeatures});
        float[] dy = g.data();
        int dyOff = g.offset();
        Sgemm.gemm(true, false, outFeatures, inFeatures, n, 1f, dy, dyOff, outFeatures,
                input.data(), input.offset(), inFeatures, 1f, weight.grad().data(), 0, inFeatures);
        if (bias != null) {
            float[] db = bias.grad().data();
            for (int i = 0; i < n; i++) {
                int row = dyOff + i * outFeatures;
                for (int j = 0; j < outFeatures; j++) {
                    db[j] += dy[row + j];
                }
            }
        }
        float[] dx = new float[n * inFeatures];
        Sgemm.gemm(false, false, n, inFeatures, outFeatures, 1f, dy, dyOff, outFeatures,
                weight.value().data(), 0, inFeatures, 0f, dx, 0, inFeatures);
        return Tensor.wrap(dx, n, inFeatures);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        Inputs.requireRank(this, inputShape, 1, "[in] features (flatten first)");
        if (inputShape[0] != inFeatures) {
            throw new IllegalArgumentException(name + ": expects " + inFeatures
                    + " input features, got " + inputShape[0]);
        }
        return new int[] {outFeatures};
    }
}
