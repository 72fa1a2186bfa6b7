package org.netcompare.nets.model;

import java.util.SplittableRandom;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Layer;
import org.netcompare.nets.layers.Parameter;

/**
 * Seeded random initial weights for the convolution and linear layers of a model (those whose
 * {@code weight} has rank 2 or more); other parameters keep their constructed values (batch
 * normalisation: weight 1, bias 0). fan_in = weight.shape[1] * kernel area, fan_out =
 * weight.shape[0] * kernel area, as PyTorch's {@code _calculate_fan_in_and_fan_out}.
 *
 * <p>One generator walks the parameters in state_dict order, so the same seed gives the same
 * weights.
 */
public final class Initialization {

    /** How weights and biases are drawn. */
    public enum Scheme {
        /**
         * PyTorch's default for {@code nn.Conv2d} and {@code nn.Linear}: {@code
         * kaiming_uniform_(a = sqrt(5))}, i.e. weight ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and
         * bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
         */
        PYTORCH,
        /**
         * He et al., "Delving Deep into Rectifiers" (2015), section 2.2, uniform form for ReLU:
         * weight ~ U(-sqrt(6/fan_in), sqrt(6/fan_in)), bias 0.
         */
        KAIMING,
        /**
         * Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural
         * networks" (2010), eq. 16: weight ~ U(-sqrt(6/(fan_in + fan_out)), +...), bias 0.
         */
        XAVIER
    }

    private Initialization() {
    }

    /** Overwrites the weights and biases of every convolution and linear layer. */
    public static void initialize(Sequential model, Scheme scheme, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Layer layer : model.layers()) {
            Parameter weight = named(layer, "weight");
            if (weight == null || weight.value().rank() < 2) {
                continue;
            }
            int[] shape = weight.value().shape();
            int area = weight.value().size() / (shape[0] * shape[1]);
            double fanIn = (double) shape[1] * area;
            double fanOut = (double) shape[0] * area;
            double bound = switch (scheme) {
                case PYTORCH -> 1 / Math.sqrt(fanIn);
                case KAIMING -> Math.sqrt(6 / fanIn);
                case XAVIER -> Math.sqrt(6 / (fanIn + fanOut));
            };
            fill(weight.value(), random, bound);
            Parameter bias = named(layer, "bias");
            if (bias != null) {
                fill(bias.value(), random, scheme == Scheme.PYTORCH ? 1 / Math.sqrt(fanIn) : 0);
            }
        }
    }

    private static Parameter named(Layer layer, String name) {
        return layer.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static void fill(Tensor tensor, SplittableRandom random, double bound) {
        float[] values = tensor.data();
        for (int i = 0; i < values.length; i++) {
            values[i] = bound == 0 ? 0f : (float) random.nextDouble(-bound, bound);
        }
    }
}
