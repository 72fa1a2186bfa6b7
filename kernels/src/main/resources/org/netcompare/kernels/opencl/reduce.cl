/*
 * Reductions along one axis of a contiguous tensor seen as [outer, n, inner]; one work-item per
 * output element (o, i), outputs in row-major order. Needs fiber.cl.
 */

/* Reduction codes, as OpenClBackend numbers Reduction. */
#define SUM 0
#define MEAN 1
#define MAX 2
#define MIN 3
#define LOG_SUM_EXP 4

__kernel void reduce(int op, __global const float* in, int inOffset, int n, int inner,
        __global float* out) {
    int id = get_global_id(0);
    int o = id / inner;
    int i = id - o * inner;
    __global const float* x = in + inOffset + o * n * inner + i;
    float result;
    switch (op) {
        case SUM: result = fiber_sum(x, n, inner, 0, 0.0f); break;
        /* 0 / 0 = NaN over an empty axis */
        case MEAN: result = fiber_sum(x, n, inner, 0, 0.0f) / (float) n; break;
        case MAX: result = fiber_max(x, n, inner); break;
        case MIN: result = fiber_min(x, n, inner); break;
        case LOG_SUM_EXP: {
            /* m + log sum e^{x - m}; an infinite or NaN maximum is the answer itself (also
               -infinity for an empty axis) */
            float m = fiber_max(x, n, inner);
            result = isfinite(m) ? m + log(fiber_sum(x, n, inner, 1, m)) : m;
            break;
        }
        default: result = NAN;
    }
    out[id] = result;
}

/* Index of the first maximum along the axis; the first NaN counts as the largest. */
__kernel void argmax(__global const float* in, int inOffset, int n, int inner,
        __global int* out) {
    int id = get_global_id(0);
    int o = id / inner;
    int i = id - o * inner;
    __global const float* x = in + inOffset + o * n * inner + i;
    int best = 0;
    float bestValue = x[0];
    for (int l = 0; l < n && !isnan(bestValue); l++) {
        float v = x[l * inner];
        if (isnan(v) || v > bestValue) {
            best = l;
            bestValue = v;
        }
    }
    out[id] = best;
}
