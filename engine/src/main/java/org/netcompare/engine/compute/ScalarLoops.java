package org.netcompare.engine.compute;

/**
 * {@link DenseLoops} in plain Java, one loop per operation (a call per element would keep the
 * JIT from unrolling); transcendental functions in double, rounded once.
 */
final class ScalarLoops implements DenseLoops {

    static final ScalarLoops INSTANCE = new ScalarLoops();

    private ScalarLoops() {
    }

    @Override
    public void unary(UnaryOp op, float[] x, int xi, float[] y, int yi, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[yi + i] = Math.max(x[xi + i], 0f);
                }
            }
            case EXP -> expInto(x, xi, 0f, y, yi, n);
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

    @Override
    public void affine(float[] x, int xi, float scale, float shift, float[] y, int yi, int n) {
        for (int i = 0; i < n; i++) {
            y[yi + i] = scale * x[xi + i] + shift;
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] y, int yi,
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

    @Override
    public float max(float[] x, int xi, int n) {
        float m = x[xi];
        for (int i = 1; i < n; i++) {
            m = Math.max(m, x[xi + i]);
        }
        return m;
    }

    @Override
    public float min(float[] x, int xi, int n) {
        float m = x[xi];
        for (int i = 1; i < n; i++) {
            m = Math.min(m, x[xi + i]);
        }
        return m;
    }

    /** Four accumulators, so the double adds do not wait on one another. */
    @Override
    public double sum(float[] x, int xi, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xi + i];
            s1 += x[xi + i + 1];
            s2 += x[xi + i + 2];
            s3 += x[xi + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xi + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double expInto(float[] x, int xi, float shift, float[] y, int yi, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[xi + i] - (double) shift);
            y[yi + i] = e;
            sum += e;
        }
        return sum;
    }

    @Override
    public double sumExp(float[] x, int xi, float shift, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(x[xi + i] - (double) shift);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "scalar";
    }
}
