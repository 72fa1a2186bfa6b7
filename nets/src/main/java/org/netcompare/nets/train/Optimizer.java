package org.netcompare.nets.train;

import java.util.List;
import java.util.Map;
import org.netcompare.engine.io.NdArray;
import org.netcompare.nets.layers.Parameter;

/**
 * Updates parameter values from their accumulated gradients, in place. State (momentum buffers,
 * moment estimates) is keyed by parameter name, because {@code Sequential.parameters()} returns
 * fresh wrappers around the same tensors on every call.
 */
public interface Optimizer {

    /** One update of every parameter from {@code p.grad()} into {@code p.value()}. */
    void step(List<Parameter> parameters);

    /** The learning rate the next step uses. */
    double learningRate();

    /** Sets the learning rate of the next steps (a schedule's job). */
    void setLearningRate(double learningRate);

    /**
     * The state a resumed run needs to continue identically, as named arrays for a checkpoint
     * file ({@code "<kind>.<parameter name>"}, float32; counters int64).
     */
    Map<String, NdArray> state();

    /**
     * Restores what {@link #state()} returned.
     *
     * @throws IllegalArgumentException if an array is not one this optimiser writes
     */
    void loadState(Map<String, NdArray> state);
}
