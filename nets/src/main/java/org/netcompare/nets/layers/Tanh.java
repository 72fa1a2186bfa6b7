package org.netcompare.nets.layers;

/** tanh(x) elementwise, any shape; tanh'(x) = 1 - y^2. */
public final class Tanh extends Elementwise {

    public Tanh(String name) {
        super(name);
    }

    @Override
    float apply(float x) {
        return (float) Math.tanh(x);
    }

    @Override
    float derivative(float x, float y) {
        return 1f - y * y;
    }
}
