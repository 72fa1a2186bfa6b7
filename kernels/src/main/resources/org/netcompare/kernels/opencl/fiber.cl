/*
 * Helpers for kernels that walk one fiber of a contiguous tensor: the n elements
 * x[0], x[step], ..., x[(n - 1) step] along the reduced axis (step = the product of the sizes
 * after it).
 */

/* The largest element; NaN when any element is NaN, -infinity for an empty fiber. */
inline float fiber_max(__global const float* x, int n, int step) {
    float m = -INFINITY;
    for (int l = 0; l < n; l++) {
        float v = x[l * step];
        if (isnan(v)) {
            return v;
        }
        m = fmax(m, v);
    }
    return m;
}

/* The smallest element; NaN when any element is NaN. */
inline float fiber_min(__global const float* x, int n, int step) {
    float m = INFINITY;
    for (int l = 0; l < n; l++) {
        float v = x[l * step];
        if (isnan(v)) {
            return v;
        }
        m = fmin(m, v);
    }
    return m;
}

/*
 * Sum of e^{x - shift} (exponentiate) or of x, in float with Neumaier's compensation
 * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., section 4.3), so the error
 * stays near one rounding of the result for any n instead of growing with n. The compensation
 * is dropped when the sum is not finite: infinities and NaN then pass through unchanged.
 */
inline float fiber_sum(__global const float* x, int n, int step, int exponentiate, float shift) {
    float sum = 0.0f;
    float compensation = 0.0f;
    for (int l = 0; l < n; l++) {
        float v = exponentiate ? exp(x[l * step] - shift) : x[l * step];
        float t = sum + v;
        compensation += fabs(sum) >= fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    return isfinite(sum) ? sum + compensation : sum;
}
