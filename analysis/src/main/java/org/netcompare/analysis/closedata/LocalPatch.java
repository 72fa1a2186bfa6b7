package org.netcompare.analysis.closedata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.model.Sequential;

/**
 * The activations at one layer of an original image (row 0, the base point) and of its
 * derivative images (rows 1..n in the generator's order): a float64 patch [1 + n, features]
 * (Yu, Long and Hopcroft 2018, section 4: "local patch"), with its diameter and the mean
 * distance of the derivative points to the base point. The paper reports diameters of 0.9 /
 * 0.5 / 0.3 against mean distances between original images of 320 / 100 / 90 (fc6 / fc7 / fc8).
 */
public final class LocalPatch {

    private final String layer;
    private final Matrix points;
    private final double diameter;
    private final double meanDistanceToBase;

    private LocalPatch(String layer, Matrix points) {
        this.layer = layer;
        this.points = points;
        this.diameter = points.rows() < 2 ? 0 : PairwiseDistances.of(points).max();
        this.meanDistanceToBase = meanDistanceToBase(points);
    }

    /**
     * Runs {@code image} alone, then every batch of {@code derivatives}, through
     * {@code model.forwardCapturing} in evaluation mode (dropout off), and collects one patch per
     * layer, in the order of {@code layers}. Memory is checked first against
     * {@link #bytesNeeded}.
     *
     * @param image       the original [C, H, W], the model's input shape
     * @param derivatives a generator for that image that has not given any batch yet
     * @param budgetBytes memory the patches and one batch may take
     * @throws IllegalArgumentException for a shape mismatch, an unknown layer, a used
     *                                  generator, or when the estimate exceeds the budget or a
     *                                  patch would exceed one Java array
     */
    public static Map<String, LocalPatch> collect(Sequential model, List<String> layers,
            Tensor image, CloseDataGenerator derivatives, long budgetBytes) {
        if (!Arrays.equals(image.shape(), model.inputShape())
                || !Arrays.equals(derivatives.imageShape(), model.inputShape())) {
            throw new IllegalArgumentException("image " + Arrays.toString(image.shape())
                    + " and derivative images " + Arrays.toString(derivatives.imageShape())
                    + " must both have the model's input shape "
                    + Arrays.toString(model.inputShape()));
        }
        if (derivatives.position() != 0) {
            throw new IllegalArgumentException("the derivative-image generator has already given "
                    + derivatives.position() + " images; pass a fresh one");
        }
        long needed = bytesNeeded(model, layers, derivatives.count(), derivatives.batchSize());
        if (needed > budgetBytes) {
            throw new IllegalArgumentException(String.format("local patches of %d points at %s "
                    + "need about %d MiB, over the budget of %d MiB; use fewer derivative images, "
                    + "layers or a smaller batch", derivatives.count() + 1, layers,
                    needed >> 20, budgetBytes >> 20));
        }
        int rows = (int) derivatives.count() + 1;
        Map<String, double[]> data = new LinkedHashMap<>();
        for (String layer : layers) {
            data.put(layer, new double[rows * features(model, layer)]);
        }
        int[] one = prepend(1, model.inputShape());
        copyRows(model.forwardCapturing(image.contiguous().reshape(one), false, layers), data,
                0);
        while (derivatives.hasNext()) {
            int first = 1 + (int) derivatives.position();
            copyRows(model.forwardCapturing(derivatives.next(), false, layers), data, first);
        }
        Map<String, LocalPatch> patches = new LinkedHashMap<>();
        for (String layer : layers) {
            patches.put(layer, new LocalPatch(layer, Matrix.wrap(rows,
                    features(model, layer), data.get(layer))));
        }
        return patches;
    }

    /**
     * Bytes {@link #collect} needs: the float64 patches [1 + count, features] of every layer,
     * a transposed copy of the largest for the diameter, and one batch's float32 input, layer
     * outputs (all layers, as the layers keep what backward would need) and captured copies.
     *
     * @throws IllegalArgumentException for an unknown layer, or a patch beyond one Java array
     */
    public static long bytesNeeded(Sequential model, List<String> layers, long count,
            int batchSize) {
        long rows = count + 1;
        long patchValues = 0;
        long largestPatch = 0;
        long capturedPerImage = 0;
        for (String layer : layers) {
            long values = Math.multiplyExact(rows, features(model, layer));
            if (values > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a patch of " + rows + " points x "
                        + features(model, layer) + " features at " + layer
                        + " exceeds one Java array; use fewer derivative images");
            }
            patchValues += values;
            largestPatch = Math.max(largestPatch, values);
            capturedPerImage += features(model, layer);
        }
        long perImage = size(model.inputShape()) + capturedPerImage;
        for (var layer : model.layers()) {
            perImage += size(model.outputShape(layer.name()));
        }
        long batchImages = Math.min(batchSize, Math.max(1, count));
        return Math.addExact(Math.multiplyExact(patchValues + largestPatch, Double.BYTES),
                Math.multiplyExact(batchImages * perImage, Float.BYTES));
    }

    public String layer() {
        return layer;
    }

    /** The patch [1 + n, features], row 0 the original image's activations (shared). */
    public Matrix points() {
        return points;
    }

    /** Number of points, 1 + the number of derivative images. */
    public int size() {
        return points.rows();
    }

    public int features() {
        return points.cols();
    }

    /** Largest distance between two points of the patch (0 for a single point). */
    public double diameter() {
        return diameter;
    }

    /** Mean distance from the derivative points (rows 1..n) to the base point (0 if none). */
    public double meanDistanceToBase() {
        return meanDistanceToBase;
    }

    private static double meanDistanceToBase(Matrix points) {
        int n = points.rows();
        int d = points.cols();
        double[] x = points.data();
        double total = 0;
        for (int i = 1; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - x[j];
                sum += diff * diff;
            }
            total += Math.sqrt(sum);
        }
        return n < 2 ? 0 : total / (n - 1);
    }

    private static void copyRows(Map<String, Tensor> captured, Map<String, double[]> data,
            int firstRow) {
        for (Map.Entry<String, double[]> entry : data.entrySet()) {
            float[] values = captured.get(entry.getKey()).toArray();
            double[] out = entry.getValue();
            int offset = firstRow * (values.length / captured.get(entry.getKey()).dim(0));
            for (int i = 0; i < values.length; i++) {
                out[offset + i] = values[i];
            }
        }
    }

    private static int features(Sequential model, String layer) {
        return (int) size(model.outputShape(layer));
    }

    private static long size(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    private static int[] prepend(int first, int[] shape) {
        int[] out = new int[shape.length + 1];
        out[0] = first;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }
}
