package org.netcompare.engine.knn;

/**
 * A proven bound on how far the float32 screening value of a pair can lie from its exact
 * float64 squared distance, so that screening never discards a true neighbour.
 *
 * <p>For a query q and base point b, let c_q, c_b be their {@link ScreeningCopy} rows (centred,
 * scaled by s, rounded to float32), R = |c_q| + |c_b|, and u = 2^-24, v = 2^-53 the unit
 * round-offs, gamma_n = n u / (1 - n u) (Higham, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., section 3.1). The screening value is
 * {@code t = |c_q|^2 + |c_b|^2 - 2 fl32(c_q . c_b)}, evaluated in float64. Its distance from
 * {@code s^2 D64}, with D64 the float64 distance of {@link PointSet#squaredDistance}, is at most
 * the sum of:
 * <ol>
 * <li>the float32 dot product of length d, in any summation order and with or without fused
 * multiply-adds: {@code 2 gamma_d(u) |c_q| |c_b| <= gamma_d(u) R^2 / 2} (Higham eq. 3.5);</li>
 * <li>the float64 norms and the final additions: below {@code 2 gamma_{d+4}(v) R^2};</li>
 * <li>the float32 rounding of the centred points: each coordinate moves by at most
 * {@code u'|c|} with u' = u(1 + v) / (1 - u), so the difference vector moves by at most
 * {@code eta = u' R} and the squared distance by {@code eta (2R + eta) <= 2.01 u R^2};</li>
 * <li>the float64 evaluation of D64 itself: {@code gamma_{d+3}(v) D <= 2 gamma_{d+4}(v) R^2}.</li>
 * </ol>
 * Underflow can add an absolute error of a few units of 2^-150 per term (the scale keeps every
 * norm below 1, so nothing overflows), covered by {@code floor = (d + 1) 2^-120}. The bound used
 * is {@code 1.01 (gamma_d(u) / 2 + 2.01 u + 4 gamma_{d+4}(v)) R^2 + floor}; the extra 1% covers
 * the float64 rounding in evaluating the bound and the comparisons it feeds. When d u >= 1/2
 * the float32 bound is void and every point is re-ranked in float64.
 */
final class ScreeningBound {

    private static final double U32 = Math.scalb(1.0, -24);
    private static final double U64 = Math.scalb(1.0, -53);

    private final double relative;
    private final double floor;

    ScreeningBound(int cols) {
        if (cols * U32 >= 0.5) {
            relative = Double.POSITIVE_INFINITY;
        } else {
            relative = 1.01 * (gamma(cols, U32) / 2 + 2.01 * U32 + 4 * gamma(cols + 4, U64));
        }
        floor = (cols + 1) * Math.scalb(1.0, -120);
    }

    private static double gamma(int n, double unit) {
        return n * unit / (1 - n * unit);
    }

    /**
     * Bound on |screening value - scale^2 D64| for rows of norms {@code normQ}, {@code normB};
     * it grows with either norm.
     */
    double error(double normQ, double normB) {
        double r = normQ + normB;
        return relative * r * r + floor;
    }
}
