package org.netcompare.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both exponential loops (plain Java and, when the JVM has the incubator module as the tests
 * do, the Vector API) against {@link Math#exp} in double, on runs whose lengths leave SIMD tails
 * and span several partial-sum flushes. Tolerance 4 ulp per value (vector math libraries
 * promise 1 to 4) and 1e-6 relative for the sums (float partial sums over 16 values per lane).
 */
class ExpLoopsTest {

    @Test
    void vectorLoopsAreAvailableUnderTheTestJvm() {
        assertTrue(ExpLoops.best() instanceof VectorExpLoops, "tests run with the Vector API");
    }

    @Test
    void bothLoopsMatchMathExp() {
        Random random = new Random(7);
        for (ExpLoops loops : new ExpLoops[] {ExpLoops.SCALAR, ExpLoops.best()}) {
            for (int n : new int[] {0, 1, 7, 16, 33, 1000, 4099}) {
                float[] x = new float[n + 3];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (20 * random.nextDouble() - 30);
                }
                float shift = -12.5f;
                float[] y = new float[n + 5];
                double sum = loops.expInto(x, 3, shift, y, 5, n);
                double want = 0;
                for (int i = 0; i < n; i++) {
                    double e = Math.exp(x[3 + i] - (double) shift);
                    want += e;
                    assertEquals(e, y[5 + i], 4 * Math.ulp((float) e), loops + " at " + i);
                }
                assertEquals(want, sum, 1e-6 * want, loops + " sum of " + n);
                assertEquals(want, loops.sumExp(x, 3, shift, n), 1e-6 * want,
                        loops + " sumExp of " + n);
            }
        }
    }

    @Test
    void extremesOverflowUnderflowAndPropagateNaN() {
        for (ExpLoops loops : new ExpLoops[] {ExpLoops.SCALAR, ExpLoops.best()}) {
            float[] x = new float[64];
            java.util.Arrays.fill(x, -1e4f);
            x[0] = 0f;
            x[40] = 1f;
            float[] y = new float[64];
            double sum = loops.expInto(x, 0, 0f, y, 0, 64);
            assertEquals(1 + Math.E, sum, 1e-6, loops.toString());
            assertEquals(0f, y[1]);
            x[41] = 1e4f;
            loops.expInto(x, 0, 0f, y, 0, 64);
            assertEquals(Float.POSITIVE_INFINITY, y[41]);
            x[42] = Float.NaN;
            assertTrue(Double.isNaN(loops.sumExp(x, 0, 0f, 64)), loops.toString());
        }
    }
}
