package org.netcompare.nets.gradnet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Dropout;
import org.netcompare.nets.layers.Linear;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.layers.Relu;

/**
 * The GradNet classifier (METHODS.md section 2): for block b of the feature, a Linear
 * [F_b -&gt; H_b] and a ReLU, no links between blocks; the hidden parts concatenated
 * [N, sum H_b], optional dropout, and a Linear [sum H_b -&gt; K] giving the logits.
 * Default hidden sizes for a three-layer base: 5, 100, 25.
 *
 * <p>Input: one batch [N, F_b] per block. Weights start at zero; initialise them before
 * training ({@link #initialize}).
 */
public final class GradNet {

    /** The paper's best hidden sizes for three base layers. */
    public static final int[] DEFAULT_HIDDEN = {5, 100, 25};

    private final List<Linear> blocks = new ArrayList<>();
    private final List<Relu> relus = new ArrayList<>();
    private final Concatenation concatenation = new Concatenation();
    private final Dropout dropout;
    private final Linear head;

    /**
     * @param blockSizes F_b, the feature entries of each block
     * @param hidden     H_b, one per block
     * @param classes    K
     * @param dropout    dropout probability before the head, 0 for none
     * @param seed       the dropout seed
     * @throws IllegalArgumentException for differing counts of blocks and hidden sizes
     */
    public GradNet(int[] blockSizes, int[] hidden, int classes, float dropout, long seed) {
        if (blockSizes.length != hidden.length || blockSizes.length == 0) {
            throw new IllegalArgumentException("need one hidden size per block, got "
                    + blockSizes.length + " blocks and " + hidden.length + " sizes");
        }
        int total = 0;
        for (int b = 0; b < blockSizes.length; b++) {
            blocks.add(new Linear("block" + b, blockSizes[b], hidden[b], true));
            relus.add(new Relu("relu" + b));
            total += hidden[b];
        }
        this.dropout = dropout > 0 ? new Dropout("dropout", dropout, seed) : null;
        this.head = new Linear("head", total, classes, true);
    }

    /** Uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)) weights and biases, PyTorch's Linear default. */
    public void initialize(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Linear> all = new ArrayList<>(blocks);
        all.add(head);
        for (Linear linear : all) {
            float bound = (float) (1 / Math.sqrt(linear.weight().value().dim(1)));
            for (Parameter p : linear.parameters()) {
                float[] v = p.value().data();
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextDouble(-bound, bound);
                }
            }
        }
    }

    /** Logits [N, K] for one batch [N, F_b] per block. */
    public Tensor forward(List<Tensor> features, boolean training) {
        if (features.size() != blocks.size()) {
            throw new IllegalArgumentException("GradNet takes " + blocks.size()
                    + " feature blocks, got " + features.size());
        }
        List<Tensor> hidden = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            hidden.add(relus.get(b).forward(blocks.get(b).forward(features.get(b), training),
                    training));
        }
        Tensor joined = concatenation.forward(hidden);
        if (dropout != null) {
            joined = dropout.forward(joined, training);
        }
        return head.forward(joined, training);
    }

    /** Back-propagates dL/dlogits, adding to every parameter gradient. */
    public void backward(Tensor gradLogits) {
        Tensor g = head.backward(gradLogits);
        if (dropout != null) {
            g = dropout.backward(g);
        }
        List<Tensor> parts = concatenation.backward(g);
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).backward(relus.get(b).backward(parts.get(b)));
        }
    }

    /** Every parameter, blocks first, then the head. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Linear block : blocks) {
            block.parameters().forEach(p -> all.add(p.prefixed(block.name())));
        }
        head.parameters().forEach(p -> all.add(p.prefixed(head.name())));
        return all;
    }

    /**
     * The predicted class of one sample: its logits for the feature of every candidate label
     * summed, then the argmax (first on ties). Evaluation mode.
     *
     * @param featuresPerLabel [label][block][entry], the sample's feature for each label
     */
    public int predict(float[][][] featuresPerLabel) {
        int labels = featuresPerLabel.length;
        List<Tensor> batch = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            int width = featuresPerLabel[0][b].length;
            float[] rows = new float[labels * width];
            for (int l = 0; l < labels; l++) {
                System.arraycopy(featuresPerLabel[l][b], 0, rows, l * width, width);
            }
            batch.add(Tensor.wrap(rows, labels, width));
        }
        float[] logits = forward(batch, false).toArray();
        int classes = logits.length / labels;
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double sum = 0;
            for (int l = 0; l < labels; l++) {
                sum += logits[l * classes + k];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = k;
            }
        }
        return best;
    }
}
