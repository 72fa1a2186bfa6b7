package org.netcompare.analysis.similarity;

import java.util.Random;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

/** Seeded test matrices and the maps applied to them. */
final class Samples {

    private Samples() {
    }

    static Matrix gaussian(int rows, int cols, long seed) {
        Random random = new Random(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = random.nextGaussian();
        }
        return m;
    }

    /** A random orthogonal matrix: the Q of a Gram-Schmidt pass over Gaussian columns. */
    static Matrix orthogonal(int n, long seed) {
        Matrix a = gaussian(n, n, seed);
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += a.get(i, j) * a.get(i, k);
                }
                for (int i = 0; i < n; i++) {
                    a.set(i, j, a.get(i, j) - dot * a.get(i, k));
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += a.get(i, j) * a.get(i, j);
            }
            for (int i = 0; i < n; i++) {
                a.set(i, j, a.get(i, j) / Math.sqrt(norm));
            }
        }
        return a;
    }

    static Matrix scaled(Matrix m, double factor) {
        Matrix out = m.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] *= factor;
        }
        return out;
    }

    /** Adds {@code shift[j]} to column j. */
    static Matrix shifted(Matrix m, double... shift) {
        Matrix out = m.copy();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out.set(i, j, out.get(i, j) + shift[j % shift.length]);
            }
        }
        return out;
    }

    static Tensor points(Matrix m) {
        float[] values = new float[m.data().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) m.data()[i];
        }
        return Tensor.wrap(values, m.rows(), m.cols());
    }

    /**
     * The 12 x 3 and 12 x 4 matrices of the NumPy reference values:
     * {@code X[i, j] = sin(1.3 i (j + 1) + j)},
     * {@code Y[i, j] = cos(0.9 i (j + 1)) + 0.5 X[i, (0, 1, 2, 0)[j]]}.
     */
    static Matrix referenceX() {
        Matrix x = Matrix.zeros(12, 3);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 3; j++) {
                x.set(i, j, Math.sin(1.3 * i * (j + 1) + j));
            }
        }
        return x;
    }

    static Matrix referenceY() {
        Matrix x = referenceX();
        int[] source = {0, 1, 2, 0};
        Matrix y = Matrix.zeros(12, 4);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 4; j++) {
                y.set(i, j, Math.cos(0.9 * i * (j + 1)) + 0.5 * x.get(i, source[j]));
            }
        }
        return y;
    }
}
