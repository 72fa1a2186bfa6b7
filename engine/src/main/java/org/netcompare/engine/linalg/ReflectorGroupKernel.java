package org.netcompare.engine.linalg;

import org.netcompare.engine.simd.VectorSupport;

/**
 * Applies a group of four Householder reflectors in compact WY form,
 * {@code H_1 H_2 H_3 H_4 = I - V T V^T} (Schreiber and Van Loan 1989; Golub and Van Loan, 4th
 * ed., section 5.1.7), to one row from the right: {@code x <- x - ((x V) T) V^T}. Four dot
 * products in one pass over the row and four updates in a second pass replace four
 * dependent dot-and-update pairs, so the row is read twice instead of eight times.
 */
interface ReflectorGroupKernel {

    /** Reflectors per group. */
    int WIDTH = 4;

    /**
     * @param x      the row, entries {@code x[xOffset .. xOffset + length)}
     * @param v      the four reflector vectors, vector r at {@code v[vOffset + r * length ..]}
     * @param t      the 4 x 4 upper triangular factor, row-major
     */
    void apply(double[] x, int xOffset, double[] v, int vOffset, int length, double[] t);

    /** The Vector API kernel when {@link VectorSupport#available()}, else the plain one. */
    static ReflectorGroupKernel best() {
        return VectorSupport.choose(() -> new VectorReflectorGroupKernel(), ScalarReflectorGroupKernel::new);
    }

    /** {@code u = w T} for the row vector w of the four dot products; T upper triangular. */
    static void timesT(double[] w, double[] t) {
        double w0 = w[0];
        double w1 = w[1];
        double w2 = w[2];
        double w3 = w[3];
        w[0] = w0 * t[0];
        w[1] = w0 * t[1] + w1 * t[5];
        w[2] = w0 * t[2] + w1 * t[6] + w2 * t[10];
        w[3] = w0 * t[3] + w1 * t[7] + w2 * t[11] + w3 * t[15];
    }
}
