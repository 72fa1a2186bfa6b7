package org.netcompare.engine.compute;

/**
 * Shifted exponentials over dense runs, the inner loop of softmax, log-sum-exp and exp. Two
 * implementations: {@link VectorExpLoops} on the incubator Vector API (SIMD exponentials) when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}, otherwise the plain-Java
 * {@link #SCALAR} loops, which evaluate {@link Math#exp} in double.
 */
interface ExpLoops {

    /** The plain-Java loops. */
    ExpLoops SCALAR = new ExpLoops() {
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
    };

    /** The fastest loops this JVM can run. */
    static ExpLoops best() {
        return Holder.BEST;
    }

    /**
     * {@code y[yi + i] = e^(x[xi + i] - shift)} for i in [0, n), and the sum of the values
     * written (accumulated in double, or in float over at most a few values per SIMD lane before
     * it goes to double).
     */
    double expInto(float[] x, int xi, float shift, float[] y, int yi, int n);

    /** The sum of {@code e^(x[xi + i] - shift)} for i in [0, n), accumulated as above. */
    double sumExp(float[] x, int xi, float shift, int n);

    /** Chooses once, lazily, so a JVM without the incubator module never loads its classes. */
    final class Holder {
        static final ExpLoops BEST = load();

        private Holder() {
        }

        private static ExpLoops load() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return SCALAR;
            }
            try {
                return new VectorExpLoops();
            } catch (LinkageError unavailable) {
                return SCALAR;
            }
        }
    }
}
