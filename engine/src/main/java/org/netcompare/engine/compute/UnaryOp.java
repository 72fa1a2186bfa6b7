package org.netcompare.engine.compute;

/**
 * Elementwise functions of one float32 argument. {@link #apply} is the Java reference every
 * backend is tested against; transcendental functions are evaluated in double and rounded once
 * to float, so the reference is within half an ulp of the exact value.
 */
public enum UnaryOp {

    /** max(x, 0); NaN stays NaN, as in PyTorch. */
    RELU {
        @Override
        public float apply(float x) {
            return Math.max(x, 0f);
        }
    },
    EXP {
        @Override
        public float apply(float x) {
            return (float) Math.exp(x);
        }
    },
    /** Natural logarithm; NaN below 0, -infinity at 0. */
    LOG {
        @Override
        public float apply(float x) {
            return (float) Math.log(x);
        }
    },
    TANH {
        @Override
        public float apply(float x) {
            return (float) Math.tanh(x);
        }
    },
    /** 1 / (1 + e^-x); saturates to 0 and 1 without overflow for any finite x. */
    SIGMOID {
        @Override
        public float apply(float x) {
            return (float) (1.0 / (1.0 + Math.exp(-(double) x)));
        }
    },
    NEG {
        @Override
        public float apply(float x) {
            return -x;
        }
    },
    ABS {
        @Override
        public float apply(float x) {
            return Math.abs(x);
        }
    },
    SQUARE {
        @Override
        public float apply(float x) {
            return x * x;
        }
    },
    /** Square root; NaN below 0. */
    SQRT {
        @Override
        public float apply(float x) {
            return (float) Math.sqrt(x);
        }
    };

    /** The reference value of this function at {@code x}. */
    public abstract float apply(float x);
}
