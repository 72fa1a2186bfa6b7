package org.netcompare.nets.layers;

import java.util.SplittableRandom;
import org.netcompare.engine.tensor.Tensor;

/**
 * Inverted dropout, PyTorch's {@code nn.Dropout(p)}: in training each element is zeroed with
 * probability p and the survivors are scaled by 1 / (1 - p), so evaluation is the identity.
 * Masks come from a seeded generator, one mask per training forward pass.
 *
 * <pre>
 * input  x [N, ...], output y = x * m (training) or x (evaluation), same shape
 * m = 0 with probability p, 1 / (1 - p) otherwise
 * backward: dx = dy * m (training) or dy (evaluation)
 * </pre>
 */
public final class Dropout implements Layer {

    private final String name;
    private final float probability;
    private SplittableRandom random;
    private int[] shape;
    private float[] mask;

    /** @param probability chance of zeroing an element, in [0, 1) */
    public Dropout(String name, float probability, long seed) {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException(name
                    + ": dropout probability must be in [0, 1), got "
                    + probability);
        }
        this.name = name;
        this.probability = probability;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return name;
    }

    public float probability() {
        return probability;
    }

    /** Restarts the mask sequence: the next training passes draw the masks a new layer would. */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
        Tensor x = Inputs.checkedBatch(this, in);
        shape = x.shape();
        if (!training) {
            mask = null;
            return x;
        }
        float keep = 1f / (1f - probability);
        float[] xs = x.data();
        float[] m = new float[x.size()];
        float[] y = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextDouble() < probability ? 0f : keep;
            y[i] = xs[x.offset() + i] * m[i];
        }
        mask = m;
        return Tensor.wrap(y, shape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor g = Inputs.checkedGradient(this, shape != null, gradOutput, shape);
        if (mask == null) {
            return g;
        }
        float[] dy = g.data();
        float[] dx = new float[mask.length];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = dy[g.offset() + i] * mask[i];
        }
        return Tensor.wrap(dx, shape);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
