package org.netcompare.nets.layers;

import java.util.List;
import org.netcompare.engine.tensor.Tensor;

/**
 * One operation of a network with its forward pass and its backward pass side by side (llm.c
 * style). Tensors are float32, batched along axis 0, images NCHW.
 *
 * <p>{@link #backward} belongs to the latest {@link #forward}: a layer keeps what it needs from
 * that call (its input, a mask, argmax positions). It returns the gradient with respect to the
 * input and <em>adds</em> the gradients of its parameters to {@link Parameter#grad()}, so
 * gradients of several batches accumulate until {@link Parameter#zeroGrad()}. Backward leaves
 * the forward state as it was: several backward passes may follow one forward pass (one per
 * candidate label, say), each adding its gradients.
 *
 * <p>A layer holds the state of one pass (and reusable scratch memory), so one thread at a time
 * uses it; layers parallelise inside a pass.
 */
public interface Layer {

    /** The layer's name in its model ({@code "conv1"}), the prefix of its state_dict keys. */
    String name();

    /**
     * The output for a batch; {@code training} selects training behaviour (batch statistics,
     * dropout) over evaluation behaviour. The returned tensor is new or a view of the input and
     * is never written again by this layer.
     *
     * @throws IllegalArgumentException if the input's per-sample shape does not fit the layer
     */
    Tensor forward(Tensor input, boolean training);

    /**
     * The gradient of the loss with respect to the latest forward's input, given the gradient
     * with respect to its output (same shape as that output); adds parameter gradients.
     *
     * @throws IllegalStateException if no forward pass came before
     */
    Tensor backward(Tensor gradOutput);

    /**
     * {@link #backward} for a layer whose input gradient nobody reads (the first layer of a
     * network in training): adds to the parameter gradients only. Layers for which the input
     * gradient is a large share of the backward pass (convolutions) skip computing it.
     */
    default void backwardParameters(Tensor gradOutput) {
        backward(gradOutput);
    }

    /** Trainable tensors in state_dict order, named without the layer prefix. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Saved but untrained state in state_dict order, named without the layer prefix. */
    default List<Buffer> buffers() {
        return List.of();
    }

    /**
     * The per-sample output shape for a per-sample input shape (batch axis excluded: [C, H, W]
     * for images, [F] for features).
     *
     * @throws IllegalArgumentException naming this layer if the input shape does not fit it
     */
    int[] outputShape(int[] inputShape);
}
