package org.netcompare.nets.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Buffer;
import org.netcompare.nets.layers.Layer;
import org.netcompare.nets.layers.Parameter;

/**
 * Named layers applied in order, PyTorch's {@code nn.Sequential} with named children: the output
 * of each layer is the input of the next, and the parameters are named
 * {@code "<layer>.<parameter>"} as in its {@code state_dict}.
 *
 * <p>Every layer is an operation whose output can be captured by name
 * ({@link #forwardCapturing}); {@link #backward} runs the layers in reverse after a forward pass.
 */
public final class Sequential {

    private final int[] inputShape;
    private final List<Layer> layers;
    private final Map<String, Layer> byName = new LinkedHashMap<>();
    private final Map<String, int[]> outputShapes = new LinkedHashMap<>();

    /**
     * @param inputShape per-sample input shape ([C, H, W] or [F])
     * @throws IllegalArgumentException for an empty or duplicate layer name, no layers, or a
     *                                  layer that does not accept its input shape (the message
     *                                  names the layer)
     */
    public Sequential(int[] inputShape, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        this.inputShape = inputShape.clone();
        this.layers = List.copyOf(layers);
        int[] shape = this.inputShape;
        for (Layer layer : this.layers) {
            String name = layer.name();
            if (name == null || name.isEmpty() || name.contains(".")) {
                throw new IllegalArgumentException("layer names must be non-empty and without '.',"
                        + " got \"" + name + "\"");
            }
            if (byName.put(name, layer) != null) {
                throw new IllegalArgumentException("layer name " + name + " is used twice");
            }
            shape = layer.outputShape(shape);
            outputShapes.put(name, shape);
        }
    }

    /** Per-sample input shape. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Per-sample output shape of the last layer. */
    public int[] outputShape() {
        return outputShape(layers.get(layers.size() - 1).name());
    }

    /** Per-sample output shape of the named layer. */
    public int[] outputShape(String layer) {
        requireLayer(layer);
        return outputShapes.get(layer).clone();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The named layer. */
    public Layer layer(String name) {
        requireLayer(name);
        return byName.get(name);
    }

    /**
     * The output for a batch [N, ...input shape].
     *
     * @throws IllegalArgumentException if the per-sample shape is not the model's input shape
     */
    public Tensor forward(Tensor input, boolean training) {
        Tensor x = checkedInput(input);
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    /**
     * Runs the whole network and returns the outputs of the named layers, in network order
     * (shapes [N, ...layer output shape]); the last layer's output is the network's output.
     * {@link #backward} may follow.
     *
     * @throws IllegalArgumentException for a name that is no layer of this model
     */
    public Map<String, Tensor> forwardCapturing(Tensor input, boolean training,
            Collection<String> capture) {
        Set<String> wanted = new HashSet<>(capture);
        wanted.forEach(this::requireLayer);
        Map<String, Tensor> captured = new LinkedHashMap<>();
        Tensor x = checkedInput(input);
        for (Layer layer : layers) {
            x = layer.forward(x, training);
            if (wanted.contains(layer.name())) {
                captured.put(layer.name(), x);
            }
        }
        return captured;
    }

    /**
     * Back-propagates the gradient of the loss with respect to the latest output through every
     * layer, adding to the parameter gradients; returns the gradient with respect to the input.
     */
    public Tensor backward(Tensor gradOutput) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    /**
     * {@link #backward} without the gradient with respect to the input, which training does
     * not read: the first layer only adds to its parameter gradients.
     */
    public void backwardParameters(Tensor gradOutput) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i > 0; i--) {
            g = layers.get(i).backward(g);
        }
        layers.get(0).backwardParameters(g);
    }

    /** Every parameter as {@code "<layer>.<name>"}, in state_dict order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers) {
            layer.parameters().forEach(p -> all.add(p.prefixed(layer.name())));
        }
        return all;
    }

    /** Every buffer as {@code "<layer>.<name>"}, in state_dict order. */
    public List<Buffer> buffers() {
        List<Buffer> all = new ArrayList<>();
        for (Layer layer : layers) {
            layer.buffers().forEach(b -> all.add(b.prefixed(layer.name())));
        }
        return all;
    }

    /** Sets every parameter gradient to zero. */
    public void zeroGrad() {
        for (Layer layer : layers) {
            layer.parameters().forEach(Parameter::zeroGrad);
        }
    }

    private Tensor checkedInput(Tensor input) {
        int[] shape = input.shape();
        if (shape.length != inputShape.length + 1
                || !Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), inputShape)) {
            throw new IllegalArgumentException("the model takes batches [N, "
                    + Arrays.toString(inputShape).replaceAll("[\\[\\]]", "") + "], got "
                    + Arrays.toString(shape));
        }
        return input;
    }

    private void requireLayer(String name) {
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException("no layer named " + name + "; layers are "
                    + byName.keySet());
        }
    }

    @Override
    public String toString() {
        return "Sequential" + Arrays.toString(inputShape) + " -> " + byName.keySet();
    }
}
