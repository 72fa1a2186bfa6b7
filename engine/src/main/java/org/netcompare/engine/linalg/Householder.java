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
     * LAPACK's {@code safmin = dlamch('S') / dlamch('E')} = 2^-969, about 2e-292: the smallest
     * |beta| for which {@code 1 / (alpha - beta)} stays finite with room to spare. Its
     * reciprocal 2^969 bounds |beta| from above so that {@code alpha - beta} cannot overflow.
     */
    private static final double SAFE_MIN = Double.MIN_NORMAL / (Math.ulp(1.0) / 2);
    private static final double SAFE_MAX = 1 / SAFE_MIN;

    /**
     * Builds the reflector that maps {@code x = (alpha, x_1, ..., x_{n-1})} to
     * {@code (beta, 0, ..., 0)}. The vector is read at {@code x[offset + i * stride]}.
     * On return {@code x[offset]} holds beta and the other entries hold {@code v_1 .. v_{n-1}}
     * ({@code v_0 = 1} is implied).
     *
     * <p>Valid over the whole double range, subnormal tails and entries near
     * {@link Double#MAX_VALUE} included: as in {@code dlarfg}, when |beta| falls below
     * {@link #SAFE_MIN} x is scaled up by exact powers of two until it does not, and (beyond
     * {@code dlarfg}) scaled down once when |beta| exceeds {@link #SAFE_MAX}. tau and v do not
     * depend on the scale of x, so only beta is scaled back.
     *
     * @return tau, zero when x is already a multiple of e_1 (then H = I)
     */
    static double generate(double[] x, int offset, int length, int stride) {
        if (length <= 1) {
            return 0;
        }
        double tailNorm = norm(x, offset + stride, length - 1, stride);
        if (tailNorm == 0) {
            return 0;
        }
        double beta = beta(x[offset], tailNorm);
        boolean scaledDown = !(Math.abs(beta) <= SAFE_MAX);
        if (scaledDown) {
            scale(x, offset, length, stride, SAFE_MIN);
            beta = beta(x, offset, length, stride);
        }
        // A non-zero tail has |beta| >= 2^-1074, so at most two steps of 2^969 bring it up.
        int scaledUp = 0;
        while (Math.abs(beta) < SAFE_MIN) {
            scale(x, offset, length, stride, SAFE_MAX);
            scaledUp++;
            beta = beta(x, offset, length, stride);
        }
        double alpha = x[offset];
        double tau = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int i = 1; i < length; i++) {
            x[offset + i * stride] *= scale;
        }
        for (int i = 0; i < scaledUp; i++) {
            beta *= SAFE_MIN;
        }
        x[offset] = scaledDown ? beta * SAFE_MAX : beta;
        return tau;
    }

    /** -sign(alpha) ||x||: the sign opposite to alpha, so that alpha - beta never cancels. */
    private static double beta(double alpha, double tailNorm) {
        return -Math.copySign(Math.hypot(alpha, tailNorm), alpha);
    }

    private static double beta(double[] x, int offset, int length, int stride) {
        return beta(x[offset], norm(x, offset + stride, length - 1, stride));
    }

    private static void scale(double[] x, int offset, int length, int stride, double factor) {
        for (int i = 0; i < length; i++) {
            x[offset + i * stride] *= factor;
        }
    }

    /**
     * As {@link #generate}, except that a tail whose norm is at most {@code negligible} is set
     * to zero and no reflection is made (tau = 0). Decompositions pass a bound far below
     * eps ||A||, so the change stays inside their backward error, and a column that has
     * decayed to rounding noise is not rotated by a reflector built from that noise.
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
