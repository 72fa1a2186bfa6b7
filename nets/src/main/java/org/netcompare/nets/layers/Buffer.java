package org.netcompare.nets.layers;

import org.netcompare.engine.tensor.Tensor;

/**
 * State a layer keeps that is saved with the weights but not trained, such as batch
 * normalisation's running statistics; named as in a PyTorch {@code state_dict}.
 *
 * <p>A {@linkplain #isCount() count} (PyTorch's int64 {@code num_batches_tracked}) is held as a
 * float, exact up to 2^24, and written to weight files as int64.
 */
public final class Buffer {

    private final String name;
    private final Tensor value;
    private final boolean count;

    public Buffer(String name, Tensor value, boolean count) {
        if (!value.isContiguous()) {
            throw new IllegalArgumentException("buffer " + name + " must be contiguous");
        }
        this.name = name;
        this.value = value;
        this.count = count;
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    /** True for an integer counter stored as int64 in weight files. */
    public boolean isCount() {
        return count;
    }

    /** The same tensor under {@code prefix + "." + name}. */
    public Buffer prefixed(String prefix) {
        return new Buffer(prefix + "." + name, value, count);
    }
}
