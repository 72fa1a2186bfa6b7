package org.netcompare.nets.layers;

import java.util.Arrays;
import org.netcompare.engine.tensor.Tensor;

/**
 * A trainable tensor and the gradient that {@link Layer#backward} accumulates into it, named as
 * in a PyTorch {@code state_dict} ({@code "weight"} inside a layer, {@code "conv1.weight"} inside
 * a model). Value and gradient are contiguous and of the same shape.
 */
public final class Parameter {

    private final String name;
    private final Tensor value;
    private final Tensor grad;

    /** A parameter with a fresh zero gradient. */
    public Parameter(String name, Tensor value) {
        this(name, value, Tensor.zeros(value.shape()));
    }

    private Parameter(String name, Tensor value, Tensor grad) {
        if (!value.isContiguous() || !Arrays.equals(value.shape(), grad.shape())) {
            throw new IllegalArgumentException("parameter " + name
                    + " needs a contiguous value and a gradient of the same shape");
        }
        this.name = name;
        this.value = value;
        this.grad = grad;
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    /** The same tensors under {@code prefix + "." + name}, as a model names them. */
    public Parameter prefixed(String prefix) {
        return new Parameter(prefix + "." + name, value, grad);
    }

    /** Sets the gradient to zero before the next accumulation. */
    public void zeroGrad() {
        Arrays.fill(grad.data(), 0f);
    }
}
