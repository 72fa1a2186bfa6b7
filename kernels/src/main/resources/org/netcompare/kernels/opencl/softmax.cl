/*
 * Softmax and log-softmax along one axis of a contiguous tensor seen as [outer, n, inner]; one
 * work-item per fiber (o, i). With m the maximum of the fiber:
 *   softmax     e^{x - m} / sum e^{x - m}
 *   log-softmax x - m - log sum e^{x - m}
 * so no exponential overflows (Goodfellow, Bengio and Courville, Deep Learning, section 4.1).
 * A NaN in the fiber makes m NaN and so every output of that fiber NaN. Needs fiber.cl.
 */
__kernel void softmax(int logarithm, __global const float* in, int inOffset, int n, int inner,
        __global float* out) {
    int id = get_global_id(0);
    int o = id / inner;
    int i = id - o * inner;
    int start = o * n * inner + i;
    __global const float* x = in + inOffset + start;
    __global float* y = out + start;
    float m = fiber_max(x, n, inner);
    float s = fiber_sum(x, n, inner, 1, m);
    if (logarithm) {
        float logS = log(s);
        for (int l = 0; l < n; l++) {
            y[l * inner] = x[l * inner] - m - logS;
        }
    } else {
        float r = 1.0f / s;
        for (int l = 0; l < n; l++) {
            y[l * inner] = exp(x[l * inner] - m) * r;
        }
    }
}
