package org.netcompare.nets.layers;

import org.netcompare.engine.tensor.Tensor;

/**
 * An activation applied to every element, any shape: y = f(x), dL/dx = f'(x) dL/dy. Subclasses
 * give f and f' (f' may use y, as tanh and sigmoid do).
 */
abstract class Elementwise implements Layer {

    private final String name;
    private Tensor input;
    private Tensor output;

    Elementwise(String name) {
        this.name = name;
    }

    abstract float apply(float x);

    /** f'(x), given x and y = f(x). */
    abstract float derivative(float x, float y);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Tensor forward(Tensor in, boolean training) {
        Tensor x = Inputs.checkedBatch(this, in);
        float[] xs = x.data();
        int offset = x.offset();
        float[] ys = new float[x.size()];
        Ranges.forEach(ys.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                ys[i] = apply(xs[offset + i]);
            }
        });
        input = x;
        output = Tensor.wrap(ys, x.shape());
        return output;
    }

    @Override
    public final Tensor backward(Tensor gradOutput) {
        Tensor g = Inputs.checkedGradient(this, input != null, gradOutput,
                output == null ? null : output.shape());
        float[] gs = g.data();
        float[] xs = input.data();
        float[] ys = output.data();
        int go = g.offset();
        int xo = input.offset();
        float[] dx = new float[ys.length];
        Ranges.forEach(dx.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                dx[i] = derivative(xs[xo + i], ys[i]) * gs[go + i];
            }
        });
        return Tensor.wrap(dx, input.shape());
    }

    @Override
    public final int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
