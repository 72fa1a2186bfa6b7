package org.netcompare.analysis.data;

import java.io.IOException;
import java.nio.file.Path;
import org.netcompare.analysis.cli.InvalidInputException;
import org.netcompare.engine.io.ArrayInfo;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

/**
 * Reads the {@code [samples, features...]} arrays users bring as sample matrices (one row per
 * sample, trailing axes flattened): float64 {@link Matrix} for the linear-algebra methods,
 * float32 {@link Tensor} for the neighbour searches. The header is checked first, so an array
 * that would not fit in the heap is refused before anything is allocated, and every value is
 * checked to be finite.
 */
public final class SampleMatrices {

    /** Share of the maximum heap one input may take; the methods need room beside it. */
    private static final double HEAP_SHARE = 0.5;

    private SampleMatrices() {
    }

    /**
     * @param minSamples the fewest samples the caller's method can work with
     * @throws InvalidInputException when the array is too small, too big or not finite
     */
    public static Matrix read(Path file, int minSamples) throws IOException {
        ArrayInfo info = checkedInfo(file, minSamples, Double.BYTES);
        Matrix matrix = Npy.read(file).toMatrix();
        checkFinite(file, matrix.data(), matrix.cols());
        return matrix;
    }

    /** As {@link #read}, in float32: a contiguous {@code [samples, features]} tensor. */
    public static Tensor readPoints(Path file, int minSamples) throws IOException {
        ArrayInfo info = checkedInfo(file, minSamples, Float.BYTES);
        NdArray array = Npy.read(file);
        int samples = info.shape()[0];
        Tensor points = array.toTensor().contiguous().reshape(samples, (int) (info.size() / samples));
        checkFinite(file, points.data(), points.dim(1));
        return points;
    }

    /** The array's header, after checking its shape and that the array fits in memory. */
    private static ArrayInfo checkedInfo(Path file, int minSamples, int bytesPerValue)
            throws IOException {
        ArrayInfo info = Npy.inspect(file);
        int[] shape = info.shape();
        if (shape.length == 0) {
            throw new InvalidInputException(file + ": a scalar, expected [samples, features...]");
        }
        long samples = shape[0];
        if (samples < minSamples) {
            throw new InvalidInputException(file + ": " + samples + " samples, at least "
                    + minSamples + " needed");
        }
        long features = shape.length == 1 ? 1 : info.size() / samples;
        if (features == 0) {
            throw new InvalidInputException(file + ": samples have no features");
        }
        // The file's own values and the converted copy are both alive while converting.
        ensureFits(file, info.dataBytes() + samples * features * bytesPerValue,
                bytesPerValue == Double.BYTES ? "float64" : "float32");
        return info;
    }

    private static void ensureFits(Path file, long bytes, String type) {
        long limit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
        if (bytes > limit) {
            throw new InvalidInputException(String.format(
                    "%s: needs %.1f GiB to read as %s but the Java heap allows %.1f GiB for it;"
                            + " raise the heap with JAVA_OPTS=-Xmx...", file, bytes / 1073741824.0,
                    type, limit / 1073741824.0));
        }
    }

    private static void checkFinite(Path file, double[] data, int cols) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw notFinite(file, i, cols, data[i]);
            }
        }
    }

    private static void checkFinite(Path file, float[] data, int cols) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw notFinite(file, i, cols, data[i]);
            }
        }
    }

    private static InvalidInputException notFinite(Path file, int index, int cols, double value) {
        return new InvalidInputException(file + ": sample " + index / cols + ", feature "
                + index % cols + " is " + value);
    }
}
