package org.netcompare.analysis.curvature;

/**
 * Similar ratio of two sorted curvature distributions (Yu, Long and Hopcroft, 2018, section 4;
 * METHODS.md section 1): the ratios {@code r_i = a_i / b_i} (i = 1..n), the least-squares line
 * {@code r = k i + c}, and {@code r0 = k n / 2 + c}, the line's value at the middle of the index
 * range. Equal distributions give 1; a distribution against itself scaled by 1/s gives s.
 */
public final class SimilarRatio {

    private SimilarRatio() {
    }

    /**
     * @param a sorted curvature values of the first network
     * @param b those of the second, same length n (at least 1), no zero entry; with n = 1 the
     *          line is flat and r0 is the one ratio
     */
    public static double of(double[] a, double[] b) {
        int n = a.length;
        if (b.length != n || n == 0) {
            throw new IllegalArgumentException("similar ratio needs two non-empty distributions"
                    + " of the same length, got " + a.length + " and " + b.length);
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            if (b[i] == 0 || !Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("similar ratio needs finite values and a"
                        + " non-zero denominator, got a[" + i + "] = " + a[i] + ", b[" + i
                        + "] = " + b[i]);
            }
            r[i] = a[i] / b[i];
        }
        if (n == 1) {
            return r[0];
        }
        // Least squares on centred indices: k = sum (i - m)(r_i - rbar) / sum (i - m)^2.
        double meanIndex = (n + 1) / 2.0;
        double meanRatio = 0;
        for (double v : r) {
            meanRatio += v;
        }
        meanRatio /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = (i + 1) - meanIndex;
            sxy += dx * (r[i] - meanRatio);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        double intercept = meanRatio - slope * meanIndex;
        return slope * n / 2.0 + intercept;
    }
}
