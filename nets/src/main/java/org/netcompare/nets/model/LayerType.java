package org.netcompare.nets.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.netcompare.nets.layers.AvgPool2d;
import org.netcompare.nets.layers.BatchNorm;
import org.netcompare.nets.layers.Conv2d;
import org.netcompare.nets.layers.Dropout;
import org.netcompare.nets.layers.Flatten;
import org.netcompare.nets.layers.Layer;
import org.netcompare.nets.layers.Linear;
import org.netcompare.nets.layers.MaxPool2d;
import org.netcompare.nets.layers.Relu;
import org.netcompare.nets.layers.Sigmoid;
import org.netcompare.nets.layers.Tanh;

/**
 * The layer types a model.json may name, their attributes and defaults (PyTorch's), and how each
 * becomes a {@link Layer}. Layers are built with zero weights; {@link Initialization} fills them.
 */
public enum LayerType {

    /** {@code in, out, kernel}; {@code stride} 1, {@code padding} 0, {@code bias} true. */
    CONV2D("conv2d", "in out kernel stride padding bias") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Conv2d(s.name(), s.integer("in"), s.integer("out"), s.integer("kernel"),
                    s.integer("stride", 1), s.integer("padding", 0), s.flag("bias", true));
        }
    },
    /** {@code in, out}; {@code bias} true. */
    LINEAR("linear", "in out bias") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Linear(s.name(), s.integer("in"), s.integer("out"), s.flag("bias", true));
        }
    },
    RELU("relu", "") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Relu(s.name());
        }
    },
    TANH("tanh", "") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Tanh(s.name());
        }
    },
    SIGMOID("sigmoid", "") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Sigmoid(s.name());
        }
    },
    /** {@code kernel}; {@code stride} = kernel. */
    MAXPOOL2D("maxpool2d", "kernel stride") {
        @Override
        Layer build(LayerSpec s, long seed) {
            int kernel = s.integer("kernel");
            return new MaxPool2d(s.name(), kernel, s.integer("stride", kernel));
        }
    },
    /** {@code kernel}; {@code stride} = kernel. */
    AVGPOOL2D("avgpool2d", "kernel stride") {
        @Override
        Layer build(LayerSpec s, long seed) {
            int kernel = s.integer("kernel");
            return new AvgPool2d(s.name(), kernel, s.integer("stride", kernel));
        }
    },
    FLATTEN("flatten", "") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Flatten(s.name());
        }
    },
    /** {@code p} 0.5. */
    DROPOUT("dropout", "p") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return new Dropout(s.name(), (float) s.number("p", 0.5), seed);
        }
    },
    /** {@code features}; {@code eps} 1e-5, {@code momentum} 0.1. */
    BATCHNORM1D("batchnorm1d", "features eps momentum") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return BatchNorm.oneD(s.name(), s.integer("features"),
                    s.number("eps", BatchNorm.DEFAULT_EPS),
                    s.number("momentum", BatchNorm.DEFAULT_MOMENTUM));
        }
    },
    /** {@code features}; {@code eps} 1e-5, {@code momentum} 0.1. */
    BATCHNORM2D("batchnorm2d", "features eps momentum") {
        @Override
        Layer build(LayerSpec s, long seed) {
            return BatchNorm.twoD(s.name(), s.integer("features"),
                    s.number("eps", BatchNorm.DEFAULT_EPS),
                    s.number("momentum", BatchNorm.DEFAULT_MOMENTUM));
        }
    };

    private final String key;
    private final Set<String> attributes;

    LayerType(String key, String attributes) {
        this.key = key;
        this.attributes = Arrays.stream(attributes.split(" "))
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The name model.json uses. */
    public String key() {
        return key;
    }

    /** The layer a spec describes; {@code seed} drives its randomness (dropout masks). */
    abstract Layer build(LayerSpec spec, long seed);

    /**
     * The layer a spec describes, after checking its type and attribute names.
     *
     * @throws IllegalArgumentException naming the layer
     */
    static Layer create(LayerSpec spec, long seed) {
        LayerType type = of(spec);
        for (String attribute : spec.attributes().keySet()) {
            if (!type.attributes.contains(attribute)) {
                throw spec.problem("unknown attribute \"" + attribute + "\"; " + type.key
                        + " takes " + (type.attributes.isEmpty() ? "none" : type.attributes));
            }
        }
        // The layers' own checks (sizes, probabilities) name the layer in their messages.
        return type.build(spec, seed);
    }

    private static LayerType of(LayerSpec spec) {
        for (LayerType type : values()) {
            if (type.key.equals(spec.type())) {
                return type;
            }
        }
        throw spec.problem("unknown layer type; known types are "
                + List.of(values()).stream().map(LayerType::key).collect(Collectors.toList()));
    }
}
