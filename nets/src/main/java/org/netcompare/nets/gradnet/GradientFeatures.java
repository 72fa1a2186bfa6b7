package org.netcompare.nets.gradnet;

import java.util.ArrayList;
import java.util.List;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.model.Sequential;

/**
 * The GradNet feature of a sample x for a label c (METHODS.md section 2): the gradient of the
 * cross-entropy loss l(x; c, theta) with respect to the weights of each layer, one float32 block
 * per parameter named {@code "*.weight"} (weights only, as the public code; biases are left
 * out), in state_dict order, each block flattened row-major from the weight's shape.
 *
 * <p>The model runs in evaluation mode (no dropout, running batch statistics). Size: a sample's
 * feature for one label takes {@code 4 * sum(weight sizes)} bytes ({@link #bytesPerLabel()}),
 * and prediction needs it for every one of the K labels, {@code 4 * K * sum(weight sizes)} bytes
 * (LeNet-sized base of ~60k weights and K = 10: ~2.4 MB per sample).
 *
 * <p>Uses the model's parameter gradients as scratch: they are zeroed on every call. One thread
 * at a time, as the model.
 */
public final class GradientFeatures {

    private final Sequential model;
    private final List<Parameter> weights = new ArrayList<>();
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    /** @throws IllegalArgumentException if the model has no {@code "*.weight"} parameter */
    public GradientFeatures(Sequential model) {
        this.model = model;
        for (Parameter p : model.parameters()) {
            if (p.name().endsWith(".weight")) {
                weights.add(p);
            }
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("the model has no *.weight parameter: " + model);
        }
    }

    /** The names of the blocks, {@code "<layer>.weight"}, in block order. */
    public List<String> blockNames() {
        return weights.stream().map(Parameter::name).toList();
    }

    /** The number of entries of each block. */
    public int[] blockSizes() {
        return weights.stream().mapToInt(p -> p.value().size()).toArray();
    }

    /** Bytes of one sample's feature for one label: 4 bytes per weight. */
    public long bytesPerLabel() {
        long total = 0;
        for (int size : blockSizes()) {
            total += 4L * size;
        }
        return total;
    }

    /**
     * The feature of one sample for one label.
     *
     * @param sample the sample, of the model's per-sample input shape (no batch axis)
     * @return blocks[b] = dl/dW_b flattened, b in {@link #blockNames()} order
     * @throws IllegalArgumentException for a wrong shape or a label outside the classes
     */
    public float[][] of(Tensor sample, int label) {
        return forLabels(sample, new int[] {label})[0];
    }

    /**
     * The features of one sample for several labels, sharing one forward pass (a backward per
     * label, as {@code Layer} allows).
     *
     * @return [label index][block][entry]
     */
    public float[][][] forLabels(Tensor sample, int[] labels) {
        Tensor logits = model.forward(batchOfOne(sample), false);
        float[][][] features = new float[labels.length][][];
        for (int l = 0; l < labels.length; l++) {
            loss.forward(logits, new int[] {labels[l]});
            model.zeroGrad();
            model.backward(loss.backward());
            float[][] blocks = new float[weights.size()][];
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = weights.get(b).grad().toArray();
            }
            features[l] = blocks;
        }
        model.zeroGrad();
        return features;
    }

    private static Tensor batchOfOne(Tensor sample) {
        int[] shape = sample.shape();
        int[] batched = new int[shape.length + 1];
        batched[0] = 1;
        System.arraycopy(shape, 0, batched, 1, shape.length);
        return sample.contiguous().reshape(batched);
    }
}
