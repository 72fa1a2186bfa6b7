package org.netcompare.engine.knn;

import java.util.Arrays;
import org.netcompare.engine.tensor.Tensor;

/**
 * A validated {@code [rows, cols]} set of points, stored densely row-major, and the float64
 * squared Euclidean distance that defines the exact neighbour order. The points are the caller's
 * float32 values, or, for the cosine distance, those rows normalised to unit length in float64
 * ({@link #normalised()}).
 */
final class PointSet {

    private final String label;
    private final float[] data;
    private final double[] unit;
    private final int offset;
    private final int rows;
    private final int cols;

    private PointSet(String label, float[] data, double[] unit, int offset, int rows, int cols) {
        this.label = label;
        this.data = data;
        this.unit = unit;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Checks that {@code points} is a finite {@code [n, d]} matrix; {@code label} names it in
     * messages ("points", "queries", "base points").
     */
    static PointSet of(Tensor points, String label) {
        if (points.rank() != 2) {
            throw new IllegalArgumentException(label + " must be a [n, d] matrix, got shape "
                    + Arrays.toString(points.shape()));
        }
        Tensor dense = points.contiguous();
        PointSet set = new PointSet(label, dense.data(), null, dense.offset(), dense.dim(0),
                dense.dim(1));
        for (int i = 0; i < set.rows; i++) {
            int base = set.offset + i * set.cols;
            for (int j = 0; j < set.cols; j++) {
                float value = set.data[base + j];
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException(label + " row " + i + " holds " + value
                            + " at column " + j + ": points must be finite");
                }
            }
        }
        return set;
    }

    /**
     * The rows divided by their Euclidean norms, each norm and quotient in float64, so that half
     * the squared distance of two of them is the cosine distance of the original rows.
     *
     * @throws IllegalArgumentException for a zero row, whose direction is undefined
     */
    PointSet normalised() {
        double[] values = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            int base = offset + i * cols;
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double v = data[base + c];
                sum += v * v;
            }
            if (sum == 0) {
                throw new IllegalArgumentException(label + " row " + i
                        + " is zero: the cosine distance is undefined for it");
            }
            double norm = Math.sqrt(sum);
            for (int c = 0; c < cols; c++) {
                values[i * cols + c] = data[base + c] / norm;
            }
        }
        return new PointSet(label, null, values, 0, rows, cols);
    }

    /** Bytes that {@link #normalised()} allocates. */
    static long normalisedBytes(long rows, long cols) {
        return rows * cols * Double.BYTES;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    double get(int row, int col) {
        int at = offset + row * cols + col;
        return unit != null ? unit[at] : data[at];
    }

    /**
     * {@code sum_c (x_c - y_c)^2} for row {@code i} of this set and row {@code j} of
     * {@code other}, each difference and square in float64, summed in column order. This
     * expression defines "nearest"; the search reproduces exhaustive search under it.
     */
    double squaredDistance(int i, PointSet other, int j) {
        int a = offset + i * cols;
        int b = other.offset + j * other.cols;
        double sum = 0;
        if (unit != null) {
            for (int c = 0; c < cols; c++) {
                double diff = unit[a + c] - other.unit[b + c];
                sum += diff * diff;
            }
        } else {
            for (int c = 0; c < cols; c++) {
                double diff = (double) data[a + c] - (double) other.data[b + c];
                sum += diff * diff;
            }
        }
        return sum;
    }

    /** The mean of every column, in float64. */
    double[] columnMeans() {
        double[] mean = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += get(i, c);
            }
        }
        for (int c = 0; c < cols && rows > 0; c++) {
            mean[c] /= rows;
        }
        return mean;
    }

    /** The largest Euclidean norm of a row after subtracting {@code centre}, in float64. */
    double largestNormAround(double[] centre) {
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double v = get(i, c) - centre[c];
                sum += v * v;
            }
            largest = Math.max(largest, sum);
        }
        return Math.sqrt(largest);
    }
}
