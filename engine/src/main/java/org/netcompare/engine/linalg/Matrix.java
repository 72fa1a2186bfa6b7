package org.netcompare.engine.linalg;

import java.util.Arrays;
import org.netcompare.engine.gemm.Dgemm;

/**
 * A dense float64 matrix: one row-major {@code double[]} and its two sizes, as EJML's
 * {@code DMatrixRMaj}. The decompositions, PCA and curvature fitting work on these.
 *
 * <p>Element (i, j) lives at {@code data[i * cols + j]}. {@link #wrap} shares a caller's array,
 * so results can be read without copies.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public static Matrix zeros(int rows, int cols) {
        checkSizes(rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1;
        }
        return m;
    }

    /** Shares {@code data} (row-major, length rows * cols) without copying. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        checkSizes(rows, cols);
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " matrix needs "
                    + (long) rows * cols + " elements, the array has " + data.length);
        }
        return new Matrix(rows, cols, data);
    }

    /** Copies a rectangular {@code double[rows][cols]}. */
    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length
                        + " entries, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** A diagonal matrix with the given entries. */
    public static Matrix diagonal(double... values) {
        Matrix m = zeros(values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            m.data[i * values.length + i] = values[i];
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The row-major storage, shared. */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[index(i, j)];
    }

    public void set(int i, int j, double value) {
        data[index(i, j)] = value;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        final int block = 32;
        for (int i0 = 0; i0 < rows; i0 += block) {
            for (int j0 = 0; j0 < cols; j0 += block) {
                int iEnd = Math.min(rows, i0 + block);
                int jEnd = Math.min(cols, j0 + block);
                for (int i = i0; i < iEnd; i++) {
                    for (int j = j0; j < jEnd; j++) {
                        t.data[j * rows + i] = data[i * cols + j];
                    }
                }
            }
        }
        return t;
    }

    /**
     * This matrix (m x k) times {@code other} (k x n), an m x n matrix, through the blocked,
     * multithreaded {@link Dgemm}.
     */
    public Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + " x " + cols + " by "
                    + other.rows + " x " + other.cols);
        }
        Matrix out = zeros(rows, other.cols);
        Dgemm.multiply(false, rows, other.cols, cols, data, other.data, out.data);
        return out;
    }

    /**
     * The transpose of this matrix (k x m) times {@code other} (k x n), an m x n matrix, without
     * forming the transpose: Q_x^T Q_y, U^T X and the like.
     */
    public Matrix transposeTimes(Matrix other) {
        if (rows != other.rows) {
            throw new IllegalArgumentException("cannot multiply the transpose of " + rows + " x "
                    + cols + " by " + other.rows + " x " + other.cols);
        }
        Matrix out = zeros(cols, other.cols);
        Dgemm.multiply(true, cols, other.cols, rows, data, other.data, out.data);
        return out;
    }

    /** Column {@code j} as a new array. */
    public double[] column(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " of " + cols);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = data[i * cols + j];
        }
        return out;
    }

    /** Row {@code i} as a new array. */
    public double[] row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " of " + rows);
        }
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Frobenius norm, scaled so that entries near 1e150 or 1e-150 neither overflow nor vanish. */
    public double frobeniusNorm() {
        double scale = 0;
        double sum = 1;
        for (double v : data) {
            if (v != 0) {
                double a = Math.abs(v);
                if (scale < a) {
                    sum = 1 + sum * (scale / a) * (scale / a);
                    scale = a;
                } else {
                    sum += (a / scale) * (a / scale);
                }
            }
        }
        return scale * Math.sqrt(sum);
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + " x "
                    + cols);
        }
        return i * cols + j;
    }

    private static void checkSizes(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix size " + rows + " x " + cols);
        }
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
