package org.netcompare.nets.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ready architectures, each a {@link ModelSpec} that model.json can hold:
 *
 * <ul>
 * <li>{@code mlp}: LeNet-300-100 (LeCun et al., "Gradient-based learning applied to document
 *     recognition", 1998, section III.C) for [1, 28, 28]: fc1 784-300, fc2 300-100, fc3 100-10.
 * <li>{@code lenet5}: the layer list of shared/DESIGN.md for [1, 28, 28].
 * <li>{@code alexnet-small}: AlexNet's shape scaled down (Krizhevsky et al., 2012): five
 *     convolutions (conv1 ... conv5, pooling after 1, 2 and 5) then dropout and the three fully
 *     connected layers fc6 (256), fc7 (128), fc8 (classes), in torchvision's order; for
 *     [1, 28, 28] or [3, 32, 32]. The curvature method reads fc6, fc7 and fc8.
 * <li>{@code vgg-small}: three VGG blocks (Simonyan and Zisserman, 2015) of two 3x3
 *     convolutions with batch normalisation and ReLU, then 2x2 max pooling (32, 64, 128
 *     channels), then fc1 (256) with dropout and fc2 (10); for CIFAR-10's [3, 32, 32].
 * </ul>
 *
 * All for 10 classes.
 */
public final class ModelZoo {

    private static final int CLASSES = 10;
    private static final List<String> NAMES = List.of("mlp", "lenet5", "alexnet-small",
            "vgg-small");

    private ModelZoo() {
    }

    /** The names {@link #spec(String)} knows. */
    public static List<String> names() {
        return NAMES;
    }

    /** The named architecture for its default input ([1, 28, 28]; vgg-small [3, 32, 32]). */
    public static ModelSpec spec(String name) {
        return spec(name, name.equals("vgg-small") ? new int[] {3, 32, 32} : new int[] {1, 28, 28});
    }

    /**
     * The named architecture for the given per-sample input.
     *
     * @throws IllegalArgumentException for an unknown name or an input the model is not made for
     */
    public static ModelSpec spec(String name, int[] input) {
        return switch (name) {
            case "mlp" -> mlp(requireInput(name, input, new int[] {1, 28, 28}));
            case "lenet5" -> lenet5(requireInput(name, input, new int[] {1, 28, 28}));
            case "alexnet-small" -> alexnetSmall(input);
            case "vgg-small" -> vggSmall(requireInput(name, input, new int[] {3, 32, 32}));
            default -> throw new IllegalArgumentException("unknown model " + name + "; known: "
                    + NAMES);
        };
    }

    private static int[] requireInput(String name, int[] input, int[] expected) {
        if (!Arrays.equals(input, expected)) {
            throw new IllegalArgumentException(name + " is made for input "
                    + Arrays.toString(expected) + ", got " + Arrays.toString(input));
        }
        return input;
    }

    private static ModelSpec mlp(int[] input) {
        return new ModelSpec("mlp", input, List.of(
                LayerSpec.of("flatten", "flatten"),
                LayerSpec.of("fc1", "linear", "in", 784, "out", 300),
                LayerSpec.of("relu1", "relu"),
                LayerSpec.of("fc2", "linear", "in", 300, "out", 100),
                LayerSpec.of("relu2", "relu"),
                LayerSpec.of("fc3", "linear", "in", 100, "out", CLASSES)));
    }

    private static ModelSpec lenet5(int[] input) {
        return new ModelSpec("lenet5", input, List.of(
                LayerSpec.of("conv1", "conv2d", "in", 1, "out", 6, "kernel", 5, "stride", 1,
                        "padding", 2),
                LayerSpec.of("relu1", "relu"),
                LayerSpec.of("pool1", "maxpool2d", "kernel", 2, "stride", 2),
                LayerSpec.of("conv2", "conv2d", "in", 6, "out", 16, "kernel", 5),
                LayerSpec.of("relu2", "relu"),
                LayerSpec.of("pool2", "maxpool2d", "kernel", 2, "stride", 2),
                LayerSpec.of("flatten", "flatten"),
                LayerSpec.of("fc1", "linear", "in", 400, "out", 120),
                LayerSpec.of("relu3", "relu"),
                LayerSpec.of("fc2", "linear", "in", 120, "out", 84),
                LayerSpec.of("relu4", "relu"),
                LayerSpec.of("fc3", "linear", "in", 84, "out", CLASSES)));
    }

    private static ModelSpec alexnetSmall(int[] input) {
        if (!Arrays.equals(input, new int[] {1, 28, 28})
                && !Arrays.equals(input, new int[] {3, 32, 32})) {
            throw new IllegalArgumentException("alexnet-small is made for input [1, 28, 28] or"
                    + " [3, 32, 32], got " + Arrays.toString(input));
        }
        // Three 2x2 poolings: 28 -> 14 -> 7 -> 3, 32 -> 16 -> 8 -> 4.
        int side = input[1] / 2 / 2 / 2;
        List<LayerSpec> layers = new ArrayList<>(List.of(
                LayerSpec.of("conv1", "conv2d", "in", input[0], "out", 32, "kernel", 5,
                        "padding", 2),
                LayerSpec.of("relu1", "relu"),
                LayerSpec.of("pool1", "maxpool2d", "kernel", 2),
                LayerSpec.of("conv2", "conv2d", "in", 32, "out", 64, "kernel", 5, "padding", 2),
                LayerSpec.of("relu2", "relu"),
                LayerSpec.of("pool2", "maxpool2d", "kernel", 2),
                LayerSpec.of("conv3", "conv2d", "in", 64, "out", 96, "kernel", 3, "padding", 1),
                LayerSpec.of("relu3", "relu"),
                LayerSpec.of("conv4", "conv2d", "in", 96, "out", 96, "kernel", 3, "padding", 1),
                LayerSpec.of("relu4", "relu"),
                LayerSpec.of("conv5", "conv2d", "in", 96, "out", 64, "kernel", 3, "padding", 1),
                LayerSpec.of("relu5", "relu"),
                LayerSpec.of("pool5", "maxpool2d", "kernel", 2),
                LayerSpec.of("flatten", "flatten"),
                LayerSpec.of("drop6", "dropout", "p", 0.5),
                LayerSpec.of("fc6", "linear", "in", 64 * side * side, "out", 256),
                LayerSpec.of("relu6", "relu"),
                LayerSpec.of("drop7", "dropout", "p", 0.5),
                LayerSpec.of("fc7", "linear", "in", 256, "out", 128),
                LayerSpec.of("relu7", "relu"),
                LayerSpec.of("fc8", "linear", "in", 128, "out", CLASSES)));
        return new ModelSpec("alexnet-small", input, layers);
    }

    private static ModelSpec vggSmall(int[] input) {
        List<LayerSpec> layers = new ArrayList<>();
        int channels = input[0];
        int[] widths = {32, 64, 128};
        for (int block = 1; block <= widths.length; block++) {
            for (int conv = 1; conv <= 2; conv++) {
                String suffix = block + "_" + conv;
                layers.add(LayerSpec.of("conv" + suffix, "conv2d", "in", channels,
                        "out", widths[block - 1], "kernel", 3, "padding", 1));
                layers.add(LayerSpec.of("bn" + suffix, "batchnorm2d",
                        "features", widths[block - 1]));
                layers.add(LayerSpec.of("relu" + suffix, "relu"));
                channels = widths[block - 1];
            }
            layers.add(LayerSpec.of("pool" + block, "maxpool2d", "kernel", 2));
        }
        layers.add(LayerSpec.of("flatten", "flatten"));
        layers.add(LayerSpec.of("fc1", "linear", "in", channels * 4 * 4, "out", 256));
        layers.add(LayerSpec.of("relu_fc1", "relu"));
        layers.add(LayerSpec.of("drop1", "dropout", "p", 0.5));
        layers.add(LayerSpec.of("fc2", "linear", "in", 256, "out", CLASSES));
        return new ModelSpec("vgg-small", input, layers);
    }
}
