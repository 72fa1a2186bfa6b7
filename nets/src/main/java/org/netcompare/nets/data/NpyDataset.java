package org.netcompare.nets.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.netcompare.engine.io.DType;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.tensor.Tensor;

/**
 * Images and labels the user saved with NumPy: images {@code [n, h, w]} (one channel) or
 * {@code [n, c, h, w]}, unsigned bytes (scaled to {@code [0, 1]} by dividing by 255) or floating
 * point (taken as they are); labels {@code [n]} of any integer type, or floats holding whole
 * numbers.
 */
public final class NpyDataset {

    private NpyDataset() {
    }

    /** {@link #load(Path, Path, int)} with {@code classes} = largest label + 1. */
    public static Dataset load(Path images, Path labels) throws IOException {
        return load(images, labels, 0);
    }

    /**
     * @param classes the number of classes, or 0 to take the largest label + 1
     * @throws FileFormatException naming the file if the shapes or types are not as above, the
     *     counts differ, or a label is negative or not below {@code classes}
     */
    public static Dataset load(Path images, Path labels, int classes) throws IOException {
        if (classes < 0) {
            throw new IllegalArgumentException("classes must not be negative, got " + classes);
        }
        NdArray labelArray = Npy.read(labels);
        if (labelArray.rank() != 1) {
            throw new FileFormatException(labels, "labels must be one-dimensional [n], got "
                    + Arrays.toString(labelArray.shape()));
        }
        int[] labelValues;
        try {
            labelValues = labelArray.toIntArray();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new FileFormatException(labels, "labels must be integers: " + e.getMessage());
        }
        NdArray imageArray = Npy.read(images);
        int[] shape = imageArray.shape();
        if (shape.length != 3 && shape.length != 4) {
            throw new FileFormatException(images, "images must be [n, h, w] or [n, c, h, w], got "
                    + Arrays.toString(shape));
        }
        if (shape[0] != labelValues.length) {
            throw new FileFormatException(labels, labelValues.length + " labels for " + shape[0]
                    + " images in " + images.getFileName());
        }
        int found = Arrays.stream(labelValues).max().orElse(-1) + 1;
        int classCount = classes == 0 ? Math.max(found, 1) : classes;
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] < 0 || labelValues[i] >= classCount) {
                throw new FileFormatException(labels, "label " + labelValues[i] + " of image " + i
                        + " is outside 0.." + (classCount - 1));
            }
        }
        int[] nchw = shape.length == 4 ? shape : new int[] {shape[0], 1, shape[1], shape[2]};
        return new Dataset(fileStem(images), "images " + images + ", labels " + labels,
                Tensor.wrap(pixels(imageArray, images), nchw), labelValues, classCount);
    }

    private static float[] pixels(NdArray array, Path file) throws FileFormatException {
        if (array.dtype() == DType.U8) {
            return UnitPixels.scaled(array, array.shape()[0], file);
        }
        if (array.dtype().isFloatingPoint()) {
            return array.toFloatArray();
        }
        throw new FileFormatException(file, "images must be uint8 (scaled to [0, 1]) or floating"
                + " point (taken as they are), got " + array.dtype());
    }

    private static String fileStem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }
}
