package org.netcompare.engine.compute;

/**
 * Elementwise functions of two float32 arguments, broadcast as NumPy does. {@link #apply} is the
 * Java reference every backend is tested against; IEEE float arithmetic, so NaN propagates
 * through all of them (MAX and MIN too, as NumPy's {@code maximum} and {@code minimum} do).
 */
public enum BinaryOp {

    ADD {
        @Override
        public float apply(float a, float b) {
            return a + b;
        }
    },
    SUB {
        @Override
        public float apply(float a, float b) {
            return a - b;
        }
    },
    MUL {
        @Override
        public float apply(float a, float b) {
            return a * b;
        }
    },
    DIV {
        @Override
        public float apply(float a, float b) {
            return a / b;
        }
    },
    MAX {
        @Override
        public float apply(float a, float b) {
            return Math.max(a, b);
        }
    },
    MIN {
        @Override
        public float apply(float a, float b) {
            return Math.min(a, b);
        }
    };

    /** The reference value of this function at {@code (a, b)}. */
    public abstract float apply(float a, float b);
}
