package org.netcompare.nets.layers;

/** max(0, x) elementwise, any shape; the gradient at 0 is taken as 0, as PyTorch does. */
public final class Relu extends Elementwise {

    public Relu(String name) {
        super(name);
    }

    @Override
    float apply(float x) {
        return x > 0 ? x : 0f;
    }

    @Override
    float derivative(float x, float y) {
        return x > 0 ? 1f : 0f;
    }
}
