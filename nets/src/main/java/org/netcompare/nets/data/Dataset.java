package org.netcompare.nets.data;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.netcompare.engine.tensor.Tensor;

/**
 * Labelled images in memory: {@code images} float32 {@code [n, c, h, w]} (NCHW, as PyTorch lays
 * them out), {@code labels} {@code [n]} in {@code 0 .. classes - 1}, a name and a description of
 * where the images came from. The loaders scale 8-bit pixels to {@code [0, 1]} by dividing by
 * 255, as torchvision's {@code ToTensor} does; {@link #normalized} applies a stated per-channel
 * mean and standard deviation on top.
 *
 * <p>A dataset is immutable by convention: {@link #images()} shares its storage, which callers
 * must not write; {@link #subset}, {@link #normalized} and the batches copy.
 */
public final class Dataset {

    /** A {@code limit} for the loaders that takes every image there is. */
    public static final int ALL = Integer.MAX_VALUE;

    private final String name;
    private final String source;
    private final float[] pixels;
    private final int[] imageShape;
    private final int[] labels;
    private final int classes;

    /**
     * @param name short name, e.g. {@code "fashion-mnist"}
     * @param source where the images came from, in words (shown to the user)
     * @param images {@code [n, c, h, w]}; a contiguous tensor's storage is shared, not copied
     * @param labels {@code [n]}, each in {@code 0 .. classes - 1}; copied
     * @throws IllegalArgumentException if the shapes disagree or a label is out of range
     */
    public Dataset(String name, String source, Tensor images, int[] labels, int classes) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("images must be [n, c, h, w], got "
                    + Arrays.toString(images.shape()));
        }
        if (images.dim(0) != labels.length) {
            throw new IllegalArgumentException(images.dim(0) + " images but " + labels.length
                    + " labels");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        Tensor dense = images.contiguous();
        this.name = name;
        this.source = source;
        this.pixels = dense.offset() == 0 && dense.data().length == dense.size() ? dense.data()
                : dense.toArray();
        this.imageShape = Arrays.copyOfRange(images.shape(), 1, 4);
        this.labels = labels.clone();
        this.classes = classes;
    }

    public String name() {
        return name;
    }

    /** Where the images came from, e.g. the directory or "bundled subset". */
    public String source() {
        return source;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Number of classes; labels lie in {@code 0 .. classes() - 1}. */
    public int classes() {
        return classes;
    }

    /** {@code [c, h, w]} of one image. */
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** Number of floats in one image, {@code c * h * w}. */
    public int imageSize() {
        return imageShape[0] * imageShape[1] * imageShape[2];
    }

    /** All images {@code [n, c, h, w]}, sharing this dataset's storage: read, don't write. */
    public Tensor images() {
        return Tensor.wrap(pixels, size(), imageShape[0], imageShape[1], imageShape[2]);
    }

    /** The labels {@code [n]}, a copy. */
    public int[] labels() {
        return labels.clone();
    }

    public int label(int index) {
        return labels[index];
    }

    /**
     * The images and labels at {@code indices}, in that order (an index may repeat, e.g. for a
     * bootstrap sample), copied.
     *
     * @throws IllegalArgumentException naming the first index outside {@code 0 .. size() - 1}
     */
    public Dataset subset(int[] indices) {
        int per = imageSize();
        float[] out = new float[Math.multiplyExact(indices.length, per)];
        int[] outLabels = new int[indices.length];
        gather(indices, out, outLabels);
        return new Dataset(name, source, Tensor.wrap(out, indices.length, imageShape[0],
                imageShape[1], imageShape[2]), outLabels, classes);
    }

    /** The first {@code min(count, size())} images, or this dataset when that is all of them. */
    public Dataset first(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (count >= size()) {
            return this;
        }
        int[] indices = new int[count];
        Arrays.setAll(indices, i -> i);
        return subset(indices);
    }

    /**
     * Indices of the images labelled {@code label}, ascending.
     *
     * @throws IllegalArgumentException if the label is outside {@code 0 .. classes() - 1}
     */
    public int[] classIndices(int label) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("class " + label + " is outside 0.."
                    + (classes - 1) + " of " + name);
        }
        return IntStream.range(0, size()).filter(i -> labels[i] == label)
                .toArray();
    }

    /**
     * Mini-batches of {@code batchSize} images (the last one smaller when {@code size()} is not a
     * multiple) over a permutation drawn from {@code seed}: one epoch. The same seed gives the
     * same batches; pass a different seed per epoch to reshuffle.
     */
    public Batches batches(int batchSize, long seed) {
        return new Batches(this, batchSize, seed);
    }

    /**
     * Per channel {@code (x - mean[c]) / std[c]}, a new dataset; e.g. Fashion-MNIST's train-set
     * statistics (see {@link #channelMeans()}, {@link #channelStds()}).
     *
     * @param mean {@code [c]}
     * @param std {@code [c]}, each positive
     */
    public Dataset normalized(double[] mean, double[] std) {
        int channels = imageShape[0];
        if (mean.length != channels || std.length != channels) {
            throw new IllegalArgumentException("mean and std need one value per channel ("
                    + channels + "), got " + mean.length + " and " + std.length);
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got "
                        + Arrays.toString(std));
            }
        }
        float[] out = new float[pixels.length];
        int plane = imageShape[1] * imageShape[2];
        for (int i = 0; i < out.length; i++) {
            int channel = (i / plane) % channels;
            out[i] = (float) ((pixels[i] - mean[channel]) / std[channel]);
        }
        return new Dataset(name, source + ", normalised with mean " + Arrays.toString(mean)
                + " and std " + Arrays.toString(std), Tensor.wrap(out, size(), imageShape[0],
                imageShape[1], imageShape[2]), labels, classes);
    }

    /** Mean of each channel over all images and pixels, {@code [c]}. */
    public double[] channelMeans() {
        return channelMoments()[0];
    }

    /** Population standard deviation of each channel over all images and pixels, {@code [c]}. */
    public double[] channelStds() {
        double[][] moments = channelMoments();
        double[] std = new double[moments[0].length];
        Arrays.setAll(std, c -> Math.sqrt(moments[1][c]));
        return std;
    }

    /** Per channel mean and population variance, two-pass for accuracy (Chan et al. 1983). */
    private double[][] channelMoments() {
        int channels = imageShape[0];
        int plane = imageShape[1] * imageShape[2];
        double count = (double) size() * plane;
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        for (int i = 0; i < pixels.length; i++) {
            mean[(i / plane) % channels] += pixels[i];
        }
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
        }
        for (int i = 0; i < pixels.length; i++) {
            int c = (i / plane) % channels;
            double d = pixels[i] - mean[c];
            variance[c] += d * d;
        }
        for (int c = 0; c < channels; c++) {
            variance[c] /= count;
        }
        return new double[][] {mean, variance};
    }

    /** Copies the images and labels at {@code indices} into {@code images} and {@code out}. */
    void gather(int[] indices, float[] images, int[] out) {
        int per = imageSize();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= size()) {
                throw new IllegalArgumentException("index " + index + " is outside 0.."
                        + (size() - 1) + " of " + name);
            }
            System.arraycopy(pixels, index * per, images, i * per, per);
            out[i] = labels[index];
        }
    }

    @Override
    public String toString() {
        return name + " [" + size() + ", " + imageShape[0] + ", " + imageShape[1] + ", "
                + imageShape[2] + "], " + classes + " classes, " + source;
    }
}
