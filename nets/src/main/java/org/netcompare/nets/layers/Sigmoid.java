package org.netcompare.nets.layers;

/** 1 / (1 + e^-x) elementwise, any shape; sigma'(x) = y (1 - y). */
public final class Sigmoid extends Elementwise {

    public Sigmoid(String name) {
        super(name);
    }

    @Override
    float apply(float x) {
        // Written so that neither branch overflows: e^-|x| <= 1.
        double e = Math.exp(-Math.abs(x));
        return (float) (x >= 0 ? 1 / (1 + e) : e / (1 + e));
    }

    @Override
    float derivative(float x, float y) {
        return y * (1f - y);
    }
}
