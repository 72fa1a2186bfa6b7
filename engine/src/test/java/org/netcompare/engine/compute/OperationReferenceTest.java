package org.netcompare.engine.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java reference functions of {@link UnaryOp} and {@link BinaryOp} against NumPy float32
 * (numpy 2.4: {@code np.exp(np.float32(x))} and so on; sigmoid as 1 / (1 + exp(-x)) in float64
 * rounded to float32). NumPy's float32 kernels are within 1 ulp of the exact value, the
 * references within half an ulp, hence the 1 ulp tolerance.
 */
class OperationReferenceTest {

    private static final float NAN = Float.NaN;
    private static final float[] X = {-2.5f, -0.5f, 0f, 0.75f, 3f};

    private static final Map<UnaryOp, float[]> NUMPY = Map.of(
            UnaryOp.RELU, new float[] {0f, 0f, 0f, 0.75f, 3f},
            UnaryOp.EXP, new float[] {0.0820850059390068f, 0.6065306663513184f, 1f,
                2.117000102996826f, 20.08553695678711f},
            UnaryOp.LOG, new float[] {NAN, NAN, Float.NEGATIVE_INFINITY, -0.28768208622932434f,
                1.0986123085021973f},
            UnaryOp.TANH, new float[] {-0.9866142868995667f, -0.46211719512939453f, 0f,
                0.6351490020751953f, 0.9950547814369202f},
            UnaryOp.SIGMOID, new float[] {0.07585818320512772f, 0.3775406777858734f, 0.5f,
                0.6791787147521973f, 0.9525741338729858f},
            UnaryOp.NEG, new float[] {2.5f, 0.5f, -0f, -0.75f, -3f},
            UnaryOp.ABS, new float[] {2.5f, 0.5f, 0f, 0.75f, 3f},
            UnaryOp.SQUARE, new float[] {6.25f, 0.25f, 0f, 0.5625f, 9f},
            UnaryOp.SQRT, new float[] {NAN, NAN, 0f, 0.8660253882408142f, 1.7320507764816284f});

    @Test
    void unaryReferencesMatchNumPy() {
        assertEquals(UnaryOp.values().length, NUMPY.size());
        NUMPY.forEach((op, want) -> {
            for (int i = 0; i < X.length; i++) {
                float got = op.apply(X[i]);
                String what = op + "(" + X[i] + ")";
                if (Float.isNaN(want[i]) || Float.isInfinite(want[i])) {
                    assertEquals(want[i], got, what);
                } else {
                    assertEquals(want[i], got, Math.ulp(want[i]), what);
                }
            }
        });
    }

    @Test
    void saturatingFunctionsStayFiniteAtExtremes() {
        assertEquals(1f, UnaryOp.SIGMOID.apply(1e4f));
        assertEquals(0f, UnaryOp.SIGMOID.apply(-1e4f));
        assertEquals(1f, UnaryOp.TANH.apply(1e4f));
        assertEquals(Float.POSITIVE_INFINITY, UnaryOp.EXP.apply(89f));
        assertTrue(Float.isNaN(UnaryOp.RELU.apply(NAN)), "relu keeps NaN");
    }

    @Test
    void binaryReferencesFollowIeeeAndPropagateNaN() {
        assertEquals(5.5f, BinaryOp.ADD.apply(2f, 3.5f));
        assertEquals(-1.5f, BinaryOp.SUB.apply(2f, 3.5f));
        assertEquals(7f, BinaryOp.MUL.apply(2f, 3.5f));
        assertEquals(0.5f, BinaryOp.DIV.apply(1.75f, 3.5f));
        assertEquals(Float.POSITIVE_INFINITY, BinaryOp.DIV.apply(1f, 0f));
        assertEquals(3.5f, BinaryOp.MAX.apply(2f, 3.5f));
        assertEquals(2f, BinaryOp.MIN.apply(2f, 3.5f));
        assertTrue(Float.isNaN(BinaryOp.MAX.apply(NAN, 1f)), "maximum keeps NaN");
        assertTrue(Float.isNaN(BinaryOp.MIN.apply(1f, NAN)), "minimum keeps NaN");
    }
}
