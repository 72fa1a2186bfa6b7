package org.netcompare.engine.compute;

/**
 * Tight loops over densely packed runs of floats, written so the JIT can vectorize the simple
 * ones (one loop per operation rather than a call per element), plus the gather and scatter
 * that stage a strided run through a dense buffer.
 */
final class ElementwiseKernels {

    /** Length of the dense staging buffers for strided runs. */
    static final int BLOCK = 1024;

    private ElementwiseKernels() {
    }

    /** {@code y[yi + i] = op(x[xi + i])} for i in [0, n). */
    static void unary(UnaryOp op, float[] x, int xi, float[] y, int yi, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = Math.max(x[xi + i], 0f);
                }
            }
            case EXP -> ExpLoops.best().expInto(x, xi, 0f, y, yi, n);
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = (float) Math.log(x[xi + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = (float) Math.tanh(x[xi + i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xi + i])));
                }
            }
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = -x[xi + i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = Math.abs(x[xi + i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xi + i];
                    y[yi + i] = v * v;
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = (float) Math.sqrt(x[xi + i]);
                }
            }
        }
    }

    /** {@code y[yi + i] = scale * x[xi + i] + shift} for i in [0, n). */
    static void affine(float[] x, int xi, float scale, float shift, float[] y, int yi, int n) {
        for (int i = 0; i < n; i++) {
            y[yi + i] = scale * x[xi + i] + shift;
        }
    }

    /** {@code y[yi + i] = op(a[ai + i], b[bi + i])} for i in [0, n). */
    static void binary(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] y, int yi,
            int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = a[ai + i] + b[bi + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = a[ai + i] - b[bi + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = a[ai + i] * b[bi + i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = a[ai + i] / b[bi + i];
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = Math.max(a[ai + i], b[bi + i]);
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = Math.min(a[ai + i], b[bi + i]);
                }
            }
        }
    }

    /** Copies n elements spaced {@code stride} apart from {@code x[xi]} into {@code buffer}. */
    static void gather(float[] x, int xi, int stride, float[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            buffer[i] = x[xi + i * stride];
        }
    }

    /** Writes the first n elements of {@code buffer} spaced {@code stride} apart from y[yi]. */
    static void scatter(float[] buffer, int n, float[] y, int yi, int stride) {
        for (int i = 0; i < n; i++) {
            y[yi + i * stride] = buffer[i];
        }
    }
}
