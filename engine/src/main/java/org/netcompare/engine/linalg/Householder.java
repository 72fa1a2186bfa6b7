package org.netcompare.engine.linalg;

/**
 * Householder reflectors {@code H = I - tau v v^T} with {@code v[0] = 1}, in the conventions of
 * LAPACK's {@code dlarfg} (Golub and Van Loan, 4th ed., section 5.1.2). QR, bidiagonalisation
 * and tridiagonalisation all start from {@link #generate}; each applies the reflector in the
 * layout its own loops want.
 */
final class Householder {

    /**
     * About 1e-292: for a matrix scaled to largest entry 1, a tail norm far below eps ||A||
     * whose reciprocal is still finite; see {@link #generateUnlessNegligible}.
     */
    static final double NEGLIGIBLE_AT_UNIT_SCALE = Double.MIN_NORMAL / Math.ulp(1.0);

    private Householder() {
    }

    /**
     * Builds the reflector that maps {@code x = (alpha, x_1, ..., x_{n-1})} to
     * {@code (beta, 0, ..., 0)}. The vector is read at {@code x[offset + i * stride]}.
     * On return {@code x[offset]} holds beta and the other entries hold {@code v_1 .. v_{n-1}}
     * ({@code v_0 = 1} is implied).
     *
     * @return tau, zero when x is already a multiple of e_1 (then H = I)
     */
    static double generate(double[] x, int offset, int length, int stride) {
        if (length <= 1) {
            return 0;
        }
        double alpha = x[offset];
        double tailNorm = norm(x, offset + stride, length - 1, stride);
        if (tailNorm == 0) {
            return 0;
        }
        // beta takes the sign opposite to alpha so that alpha - beta never cancels.
        double beta = -Math.copySign(Math.hypot(alpha, tailNorm), alpha);
        double tau = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int i = 1; i < length; i++) {
            x[offset + i * stride] *= scale;
        }
        x[offset] = beta;
        return tau;
    }

    /**
     * As {@link #generate}, except that a tail whose norm is at most {@code negligible} is set
     * to zero and no reflection is made (tau = 0). Decompositions pass a bound far below
     * eps ||A||, so the change stays inside their backward error, and it keeps
     * {@code 1 / (alpha - beta)} and products with it inside the double range when the
     * remaining column has decayed towards underflow.
     */
    static double generateUnlessNegligible(double[] x, int offset, int length, int stride,
            double negligible) {
        if (length <= 1) {
            return 0;
        }
        if (norm(x, offset + stride, length - 1, stride) <= negligible) {
            for (int i = 1; i < length; i++) {
                x[offset + i * stride] = 0;
            }
            return 0;
        }
        return generate(x, offset, length, stride);
    }

    /** Two-norm of a strided vector, scaled so that neither overflow nor underflow occur. */
    static double norm(double[] x, int offset, int length, int stride) {
        double scale = 0;
        for (int i = 0; i < length; i++) {
            scale = Math.max(scale, Math.abs(x[offset + i * stride]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = x[offset + i * stride] / scale;
            sum += v * v;
        }
        return scale * Math.sqrt(sum);
    }
}
