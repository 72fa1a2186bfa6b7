package org.netcompare.analysis.similarity;

import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Qr;

/**
 * The column space of centred samples {@code X_c} ({@code [n, d]}), from a QR factorisation with
 * column pivoting {@code X_c P = Q R} (Golub and Van Loan, 4th ed., section 5.4.2): an
 * orthonormal basis {@code Q_r} ({@code n x r}, r the numerical rank at LAPACK's tolerance)
 * and the coordinates {@code Q_r^T X_c = R_r P^T} ({@code r x d}) of the neurons in it.
 * Working with Q rather than the covariance avoids squaring the condition number (Bjorck and
 * Golub 1973).
 */
final class Subspace {

    private final int samples;
    private final Matrix basis;
    private final Matrix neuronCoordinates;

    private Subspace(int samples, Matrix basis, Matrix neuronCoordinates) {
        this.samples = samples;
        this.basis = basis;
        this.neuronCoordinates = neuronCoordinates;
    }

    /**
     * @param x    {@code [n, d]}, finite, left unchanged
     * @param name how messages call it ("X", "Y")
     */
    static Subspace of(Matrix x, String name) {
        int n = x.rows();
        int d = x.cols();
        if (n < 2) {
            throw new IllegalArgumentException(name + " has " + n + " samples, at least 2 needed");
        }
        Matrix centred = centred(x, name);
        Qr qr = new Qr(true);
        qr.decompose(centred);
        int rank = qr.rank();
        if (rank == 0) {
            throw new IllegalArgumentException(name + " has no variance: every sample is the same");
        }
        Matrix q = qr.getQ(true);
        Matrix basis = Matrix.zeros(n, rank);
        for (int i = 0; i < n; i++) {
            System.arraycopy(q.data(), i * q.cols(), basis.data(), i * rank, rank);
        }
        Matrix r = qr.getR();
        int[] pivots = qr.getPivots();
        Matrix coordinates = Matrix.zeros(rank, d);
        for (int i = 0; i < rank; i++) {
            for (int j = 0; j < d; j++) {
                coordinates.set(i, pivots[j], r.get(i, j));
            }
        }
        return new Subspace(n, basis, coordinates);
    }

    private static Matrix centred(Matrix x, String name) {
        int n = x.rows();
        int d = x.cols();
        double[] mean = new double[d];
        double[] data = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = data[i * d + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": sample " + i + ", feature " + j
                            + " is " + v);
                }
                mean[j] += v;
            }
        }
        Matrix out = Matrix.zeros(n, d);
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out.data()[i * d + j] = data[i * d + j] - mean[j];
            }
        }
        return out;
    }

    int samples() {
        return samples;
    }

    int rank() {
        return basis.cols();
    }

    int neurons() {
        return neuronCoordinates.cols();
    }

    /** {@code n x r}, orthonormal columns. */
    Matrix basis() {
        return basis;
    }

    /** {@code r x d}: column j holds neuron j's centred activations in the basis. */
    Matrix neuronCoordinates() {
        return neuronCoordinates;
    }
}
