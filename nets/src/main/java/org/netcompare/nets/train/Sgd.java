package org.netcompare.nets.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.io.NdArray;
import org.netcompare.nets.layers.Parameter;

/**
 * Stochastic gradient descent with momentum, exactly as PyTorch's {@code torch.optim.SGD}
 * (dampening 0), in float32 as PyTorch computes it:
 *
 * <pre>
 * g = grad + weightDecay * p                    (L2 penalty added to the gradient)
 * b = g on the first step, mu * b + g after     (momentum buffer, when mu != 0)
 * g = g + mu * b (Nesterov) or b                (when mu != 0)
 * p = p - lr * g
 * </pre>
 *
 * Sutskever et al., "On the importance of initialization and momentum in deep learning", 2013,
 * gives the Nesterov form PyTorch follows.
 */
public final class Sgd implements Optimizer {

    private static final String MOMENTUM = "momentum_buffer";

    private double learningRate;
    private final float momentum;
    private final float weightDecay;
    private final boolean nesterov;
    private final MomentState buffers = new MomentState(MOMENTUM);

    /** Plain (not Nesterov) momentum. */
    public Sgd(double learningRate, double momentum, double weightDecay) {
        this(learningRate, momentum, weightDecay, false);
    }

    /**
     * @throws IllegalArgumentException for a negative rate, momentum or decay, or Nesterov
     *                                  without momentum (PyTorch refuses the same)
     */
    public Sgd(double learningRate, double momentum, double weightDecay, boolean nesterov) {
        Hyperparameters.requireNonNegative("learning rate", learningRate);
        Hyperparameters.requireNonNegative("momentum", momentum);
        Hyperparameters.requireNonNegative("weight decay", weightDecay);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a positive momentum");
        }
        this.learningRate = learningRate;
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    public void step(List<Parameter> parameters) {
        float lr = (float) learningRate;
        for (Parameter p : parameters) {
            float[] w = p.value().data();
            float[] grad = p.grad().data();
            int wOff = p.value().offset();
            int gOff = p.grad().offset();
            int n = p.value().size();
            boolean first = momentum != 0 && !buffers.has(p);
            float[] b = momentum != 0 ? buffers.of(p) : null;
            for (int i = 0; i < n; i++) {
                float g = grad[gOff + i];
                if (weightDecay != 0) {
                    g = g + weightDecay * w[wOff + i];
                }
                if (b != null) {
                    b[i] = first ? g : momentum * b[i] + g;
                    g = nesterov ? g + momentum * b[i] : b[i];
                }
                w[wOff + i] = w[wOff + i] - lr * g;
            }
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        Hyperparameters.requireNonNegative("learning rate", learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public Map<String, NdArray> state() {
        Map<String, NdArray> state = new LinkedHashMap<>();
        buffers.saveInto(state);
        return state;
    }

    @Override
    public void loadState(Map<String, NdArray> state) {
        Map<String, NdArray> left = new HashMap<>(state);
        buffers.loadFrom(left);
        Hyperparameters.requireEmpty("SGD", left);
    }
}
