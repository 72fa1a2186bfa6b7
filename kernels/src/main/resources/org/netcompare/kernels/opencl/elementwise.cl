/*
 * Elementwise kernels over strided views (org.netcompare.engine.compute.Backend: unary, affine,
 * binary). One work-item per element of the output shape, visited in row-major order.
 *
 * layout = {rank, shape[rank], strides of operand 0[rank], strides of operand 1[rank], ...}:
 * operands are numbered inputs first, output last; a broadcast operand has stride 0 on the
 * axes it is repeated along. Offsets are relative to the start of each operand's buffer.
 */

/* Storage position of element `linear` (row-major over the shape) in operand `operand`. */
inline int position(int linear, __global const int* layout, int operand) {
    int rank = layout[0];
    __global const int* shape = layout + 1;
    __global const int* strides = layout + 1 + rank * (1 + operand);
    int p = 0;
    for (int axis = rank - 1; axis >= 0; axis--) {
        int size = shape[axis];
        p += (linear % size) * strides[axis];
        linear /= size;
    }
    return p;
}

/* Unary codes, as OpenClBackend numbers UnaryOp. */
#define RELU 0
#define EXP 1
#define LOG 2
#define TANH 3
#define SIGMOID 4
#define NEG 5
#define ABS 6
#define SQUARE 7
#define SQRT 8

inline float apply_unary(int op, float x) {
    switch (op) {
        /* max(x, 0) keeping NaN (fmax would return 0) and turning -0 into +0 like Java */
        case RELU: return isnan(x) ? x : (x > 0.0f ? x : 0.0f);
        case EXP: return exp(x);
        case LOG: return log(x);
        case TANH: return tanh(x);
        case SIGMOID: {
            /* 1 / (1 + e^-x) for x >= 0, e^x / (1 + e^x) below, so e^-x never overflows and
               tiny results keep their value instead of becoming 1 / infinity = 0 */
            float e = exp(-fabs(x));
            return x >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
        }
        case NEG: return -x;
        case ABS: return fabs(x);
        case SQUARE: return x * x;
        case SQRT: return sqrt(x);
        default: return NAN;
    }
}

__kernel void unary(int op, __global const int* layout, __global const float* in, int inOffset,
        __global float* out, int outOffset) {
    int i = get_global_id(0);
    float x = in[inOffset + position(i, layout, 0)];
    out[outOffset + position(i, layout, 1)] = apply_unary(op, x);
}

__kernel void affine(float scale, float shift, __global const int* layout,
        __global const float* in, int inOffset, __global float* out, int outOffset) {
    int i = get_global_id(0);
    out[outOffset + position(i, layout, 1)] = scale * in[inOffset + position(i, layout, 0)] + shift;
}

/* Binary codes, as OpenClBackend numbers BinaryOp. */
#define ADD 0
#define SUB 1
#define MUL 2
#define DIV 3
#define MAX 4
#define MIN 5

inline float apply_binary(int op, float a, float b) {
    switch (op) {
        case ADD: return a + b;
        case SUB: return a - b;
        case MUL: return a * b;
        case DIV: return a / b;
        /* NaN propagates as in Java's Math.max and NumPy's maximum (fmax would drop it) */
        case MAX: return isnan(a) || isnan(b) ? a + b : fmax(a, b);
        case MIN: return isnan(a) || isnan(b) ? a + b : fmin(a, b);
        default: return NAN;
    }
}

__kernel void binary(int op, __global const int* layout, __global const float* a, int aOffset,
        __global const float* b, int bOffset, __global float* out, int outOffset) {
    int i = get_global_id(0);
    out[outOffset + position(i, layout, 2)] = apply_binary(op,
            a[aOffset + position(i, layout, 0)], b[bOffset + position(i, layout, 1)]);
}
