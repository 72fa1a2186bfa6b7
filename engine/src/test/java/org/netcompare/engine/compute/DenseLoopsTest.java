package org.netcompare.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both implementations of the dense loops (plain Java, and the Vector API one the test JVM
 * selects, as it runs with the incubator module) against the reference functions, on run
 * lengths that leave SIMD tails and span several partial-sum flushes, at unaligned offsets.
 * Tolerances: IEEE operations (add, sub, mul, div, sqrt, max, min, neg, abs, relu, square) are
 * correctly rounded in both, so exact; exp, log, tanh and sigmoid 4 ulp (vector math libraries
 * promise 1 to 4), a shifted exponential e^(x - s) also |x - s| 2^-24 relative (the vector
 * loops subtract in float); sums 1e-6 relative (float partial sums over 16 values per lane).
 */
class DenseLoopsTest {

    private static final EnumSet<UnaryOp> TRANSCENDENTAL =
            EnumSet.of(UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID);
    private static final int[] LENGTHS = {0, 1, 7, 16, 33, 100, 1000, 4099};

    private static DenseLoops[] implementations() {
        return new DenseLoops[] {ScalarLoops.INSTANCE, DenseLoops.best()};
    }

    private static float[] random(Random random, int n, double low, double high) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return x;
    }

    @Test
    void theTestJvmUsesTheVectorLoops() {
        assertTrue(DenseLoops.best() instanceof VectorLoops, "tests run with the Vector API");
        assertTrue(new CpuBackend().implementation().startsWith("vector ("));
        assertEquals("scalar", new CpuBackend(ScalarLoops.INSTANCE).implementation());
    }

    @Test
    void unaryMatchesTheReferences() {
        Random random = new Random(1);
        for (DenseLoops loops : implementations()) {
            for (UnaryOp op : UnaryOp.values()) {
                for (int n : LENGTHS) {
                    float[] x = random(random, n + 3, -20, 20);
                    float[] y = new float[n + 5];
                    loops.unary(op, x, 3, y, 5, n);
                    for (int i = 0; i < n; i++) {
                        float want = op.apply(x[3 + i]);
                        double tol = TRANSCENDENTAL.contains(op) ? 4 * Math.ulp(want) : 0;
                        assertClose(loops + " " + op + "(" + x[3 + i] + ")", want, y[5 + i],
                                tol);
                    }
                }
            }
        }
    }

    @Test
    void sigmoidKeepsTinyValuesAndSaturates() {
        float[] x = {-89f, -100f, -103f, 89f, 100f, -1e4f, 1e4f, Float.NaN,
            -89f, -100f, -103f, 89f, 100f, -1e4f, 1e4f, Float.NaN, 0f};
        for (DenseLoops loops : implementations()) {
            float[] y = new float[x.length];
            loops.unary(UnaryOp.SIGMOID, x, 0, y, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                float want = UnaryOp.SIGMOID.apply(x[i]);
                assertClose(loops + " sigmoid(" + x[i] + ")", want, y[i], 4 * Math.ulp(want));
            }
        }
    }

    @Test
    void affineAndBinaryAreExact() {
        Random random = new Random(2);
        for (DenseLoops loops : implementations()) {
            for (int n : LENGTHS) {
                float[] a = random(random, n + 1, -5, 5);
                float[] b = random(random, n + 2, -5, 5);
                float[] y = new float[n];
                loops.affine(a, 1, -0.3f, 1.7f, y, 0, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(-0.3f * a[1 + i] + 1.7f, y[i], loops + " affine");
                }
                for (BinaryOp op : BinaryOp.values()) {
                    loops.binary(op, a, 1, b, 2, y, 0, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(op.apply(a[1 + i], b[2 + i]), y[i], loops + " " + op);
                    }
                }
            }
        }
    }

    @Test
    void binaryMaxAndMinPropagateNaNInEveryLane() {
        for (DenseLoops loops : implementations()) {
            float[] a = new float[40];
            float[] b = new float[40];
            for (int i = 0; i < 40; i++) {
                a[i] = i % 3 == 0 ? Float.NaN : i;
                b[i] = i % 5 == 0 ? Float.NaN : -i;
            }
            float[] y = new float[40];
            for (BinaryOp op : new BinaryOp[] {BinaryOp.MAX, BinaryOp.MIN}) {
                loops.binary(op, a, 0, b, 0, y, 0, 40);
                for (int i = 0; i < 40; i++) {
                    assertEquals(op.apply(a[i], b[i]), y[i], loops + " " + op + " at " + i);
                }
            }
        }
    }

    @Test
    void maxMinAndSumsOfRuns() {
        Random random = new Random(3);
        for (DenseLoops loops : implementations()) {
            for (int n : LENGTHS) {
                if (n == 0) {
                    assertEquals(0.0, loops.sum(new float[1], 0, 0));
                    continue;
                }
                float[] x = random(random, n + 2, -30, 10);
                float max = Float.NEGATIVE_INFINITY;
                float min = Float.POSITIVE_INFINITY;
                double sum = 0;
                double abs = 0;
                double sumExp = 0;
                for (int i = 0; i < n; i++) {
                    float v = x[2 + i];
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                    sum += v;
                    abs += Math.abs(v);
                    sumExp += Math.exp(v - 2.5);
                }
                assertEquals(max, loops.max(x, 2, n), loops + " max of " + n);
                assertEquals(min, loops.min(x, 2, n), loops + " min of " + n);
                assertEquals(sum, loops.sum(x, 2, n), 1e-6 * abs, loops + " sum of " + n);
                assertEquals(sumExp, loops.sumExp(x, 2, 2.5f, n), 1e-6 * sumExp,
                        loops + " sumExp of " + n);
                float[] y = new float[n];
                assertEquals(sumExp, loops.expInto(x, 2, 2.5f, y, 0, n), 1e-6 * sumExp,
                        loops + " expInto sum of " + n);
                for (int i = 0; i < n; i++) {
                    double e = Math.exp(x[2 + i] - 2.5);
                    // plus the float rounding of x - shift, which the vector loops accept
                    double tol = 4 * Math.ulp((float) e) + e * Math.abs(x[2 + i] - 2.5) * 0x1p-24;
                    assertEquals(e, y[i], tol, loops + " expInto at " + i);
                }
            }
        }
    }

    @Test
    void reductionsOfRunsPropagateNaNFromAnyPosition() {
        for (DenseLoops loops : implementations()) {
            for (int at : new int[] {0, 5, 16, 37, 63}) {
                float[] x = new float[64];
                for (int i = 0; i < 64; i++) {
                    x[i] = i - 20;
                }
                x[at] = Float.NaN;
                String what = loops + " NaN at " + at;
                assertTrue(Float.isNaN(loops.max(x, 0, 64)), what + " max");
                assertTrue(Float.isNaN(loops.min(x, 0, 64)), what + " min");
                assertTrue(Double.isNaN(loops.sum(x, 0, 64)), what + " sum");
                assertTrue(Double.isNaN(loops.sumExp(x, 0, 0f, 64)), what + " sumExp");
            }
        }
    }

    private static void assertClose(String what, float want, float got, double tol) {
        if (Float.isNaN(want) || Float.isInfinite(want)) {
            assertEquals(want, got, what);
        } else {
            assertEquals(want, got, tol, what);
        }
    }
}
