package org.netcompare.nets.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.io.NdArray;
import org.netcompare.nets.layers.Parameter;

/**
 * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", 2015, Algorithm 1) exactly
 * as PyTorch's {@code torch.optim.Adam} (amsgrad off), moments in float32:
 *
 * <pre>
 * t = t + 1
 * g = grad + weightDecay * p                     (L2 penalty, not AdamW's decoupled decay)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * The step count t is shared by all parameters (each gets one update per step).
 */
public final class Adam implements Optimizer {

    private static final String STEP = "step";

    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final float weightDecay;
    private final MomentState firstMoments = new MomentState("exp_avg");
    private final MomentState secondMoments = new MomentState("exp_avg_sq");
    private long steps;

    /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    /** @throws IllegalArgumentException for betas outside [0, 1) or a negative value */
    public Adam(double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        Hyperparameters.requireNonNegative("learning rate", learningRate);
        Hyperparameters.requireNonNegative("eps", eps);
        Hyperparameters.requireNonNegative("weight decay", weightDecay);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1
                    + " and " + beta2);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        steps++;
        float keep1 = (float) beta1;
        float take1 = (float) (1 - beta1);
        float keep2 = (float) beta2;
        float take2 = (float) (1 - beta2);
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, steps)));
        float correction2 = (float) Math.sqrt(1 - Math.pow(beta2, steps));
        float epsilon = (float) eps;
        for (Parameter p : parameters) {
            float[] w = p.value().data();
            float[] grad = p.grad().data();
            int wOff = p.value().offset();
            int gOff = p.grad().offset();
            float[] m = firstMoments.of(p);
            float[] v = secondMoments.of(p);
            for (int i = 0; i < m.length; i++) {
                float g = grad[gOff + i];
                if (weightDecay != 0) {
                    g = g + weightDecay * w[wOff + i];
                }
                m[i] = keep1 * m[i] + take1 * g;
                v[i] = keep2 * v[i] + take2 * g * g;
                float denominator = (float) Math.sqrt(v[i]) / correction2 + epsilon;
                w[wOff + i] = w[wOff + i] - stepSize * m[i] / denominator;
            }
        }
    }

    /** Steps taken so far, PyTorch's {@code state["step"]}. */
    public long steps() {
        return steps;
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
        state.put(STEP, NdArray.ofLongs(new long[] {steps}));
        firstMoments.saveInto(state);
        secondMoments.saveInto(state);
        return state;
    }

    @Override
    public void loadState(Map<String, NdArray> state) {
        Map<String, NdArray> left = new HashMap<>(state);
        NdArray step = left.remove(STEP);
        if (step == null || step.size() != 1) {
            throw new IllegalArgumentException("Adam state needs a one-element \"step\" count");
        }
        firstMoments.loadFrom(left);
        secondMoments.loadFrom(left);
        Hyperparameters.requireEmpty("Adam", left);
        steps = step.toLongArray()[0];
    }
}
