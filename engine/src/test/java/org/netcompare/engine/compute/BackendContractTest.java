package org.netcompare.engine.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.netcompare.engine.tensor.Tensor;

/**
 * The contract every {@link Backend} passes: each operation against a brute-force reference
 * that walks the operands index by index in double precision, on odd sizes, strided and
 * transposed views, broadcasting, every axis with and without kept dimensions, and extreme
 * values. A backend module tests itself by extending this class (engine's test-jar) and
 * returning its backend from {@link #backend()}.
 *
 * <p>Tolerances, and why (ulp = unit in the last place of the expected float value, eps = 2^-23):
 * <ul>
 *   <li>elementwise functions: 8 ulp, the OpenCL 1.2 full-profile bounds (exp, log, sqrt 3 ulp,
 *       tanh 5 ulp, divide 2.5 ulp) with a margin; the CPU backend is within 1 ulp;
 *   <li>affine {@code s x + t}: 2 eps (|s x| + |t|), since a device may contract it into one
 *       fused multiply-add and cancellation then moves the result by more than its own ulp;
 *   <li>sums and means: 1e-5 * sum |x| (or its mean), room for float accumulation in any order
 *       over the axes of at most a few thousand elements used here (typical error about
 *       sqrt(n) eps sum |x|); exact small-integer cases are checked exactly;
 *   <li>log-sum-exp and log-softmax: 4 ulp + 1e-5 absolute, the rounding of the result plus the
 *       log of a sum of exponentials accumulated in float;
 *   <li>softmax: 1e-5 relative + 1e-7 absolute;
 *   <li>add, sub, mul, max, min: 2 ulp (one correctly rounded float operation; the reference
 *       rounds its double value once); divide 8 ulp as above;
 *   <li>max and min reductions, argmax: exact (no rounding is involved).
 * </ul>
 */
public abstract class BackendContractTest {

    private static final double EPS = Math.ulp(1f);

    /** The backend under test; called once per test. */
    protected abstract Backend backend();

    // ---------------------------------------------------------------- elementwise

    @Test
    void unaryMatchesItsReferenceOnOddSizes() {
        Backend backend = backend();
        Tensor in = random(1, -3, 3, 3, 7, 5);
        for (UnaryOp op : UnaryOp.values()) {
            Tensor out = backend.unary(op, in);
            assertArrayEquals(in.shape(), out.shape());
            assertElementwise(op.name(), out, in, op::apply, BackendContractTest::ulpTolerance);
        }
    }

    @Test
    void unaryReadsAndWritesStridedViews() {
        Backend backend = backend();
        for (UnaryOp op : UnaryOp.values()) {
            Tensor in = transposed(random(2, -3, 3, 4, 5, 6));
            Gapped out = gapped(4, 5, 6);
            backend.unary(op, in, out.view);
            assertElementwise(op.name(), out.view, in, op::apply,
                    BackendContractTest::ulpTolerance);
            out.assertGapsUntouched();
            Tensor columnMajor = transposed(Tensor.zeros(4, 5, 6));
            backend.unary(op, in.contiguous(), columnMajor);
            assertElementwise(op.name() + " into a column-major output", columnMajor, in,
                    op::apply, BackendContractTest::ulpTolerance);
        }
    }

    @Test
    void unaryInPlaceOnAView() {
        Backend backend = backend();
        Tensor base = random(3, -3, 3, 9, 11);
        Tensor view = base.slice(1, 2, 9);
        Tensor before = view.copy();
        backend.unary(UnaryOp.TANH, view, view);
        assertElementwise("tanh in place", view, before, UnaryOp.TANH::apply,
                BackendContractTest::ulpTolerance);
        assertEquals(base.get(4, 1), random(3, -3, 3, 9, 11).get(4, 1), "outside the view");
    }

    @Test
    void unaryExtremeValues() {
        Backend backend = backend();
        float[] values = {0f, -0f, 1e4f, -1e4f, 88.7f, 89f, -103f, -104f, 1e-45f, -1e-45f,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NaN, 1f, -1f, 20f, -20f};
        Tensor in = Tensor.wrap(values, values.length);
        for (UnaryOp op : UnaryOp.values()) {
            Tensor out = backend.unary(op, in);
            for (int i = 0; i < values.length; i++) {
                float want = op.apply(values[i]);
                assertClose(op.name() + "(" + values[i] + ")", want, out.get(i),
                        ulpTolerance(want));
            }
        }
    }

    @Test
    void unaryOfAnEmptyTensorDoesNothing() {
        Tensor out = backend().unary(UnaryOp.EXP, Tensor.zeros(0, 3));
        assertArrayEquals(new int[] {0, 3}, out.shape());
    }

    @Test
    void unaryOfALargeTensorMatches() {
        Tensor in = random(4, -5, 5, 301, 257);
        for (UnaryOp op : new UnaryOp[] {UnaryOp.RELU, UnaryOp.EXP}) {
            assertElementwise(op.name(), backend().unary(op, in), in, op::apply,
                    BackendContractTest::ulpTolerance);
        }
        Tensor strided = transposed(random(5, -5, 5, 257, 301));
        assertElementwise("exp strided", backend().unary(UnaryOp.EXP, strided), strided,
                UnaryOp.EXP::apply, BackendContractTest::ulpTolerance);
    }

    @Test
    void affineScalesAndShifts() {
        Backend backend = backend();
        Tensor in = random(6, -100, 100, 5, 13);
        float scale = -0.37f;
        float shift = 2.5f;
        Tensor out = backend.affine(in, scale, shift);
        assertElementwise("affine", out, in, x -> (float) ((double) scale * x + shift),
                (want, x) -> 2 * EPS * (Math.abs((double) scale * x) + Math.abs(shift)));
        Tensor view = transposed(random(7, -100, 100, 5, 13));
        Gapped target = gapped(5, 13);
        backend.affine(view, scale, shift, target.view);
        assertElementwise("affine strided", target.view, view,
                x -> (float) ((double) scale * x + shift),
                (want, x) -> 2 * EPS * (Math.abs((double) scale * x) + Math.abs(shift)));
        target.assertGapsUntouched();
        Tensor columnMajor = transposed(Tensor.zeros(5, 13));
        backend.affine(in, scale, shift, columnMajor);
        assertElementwise("affine into a column-major output", columnMajor, in,
                x -> (float) ((double) scale * x + shift),
                (want, x) -> 2 * EPS * (Math.abs((double) scale * x) + Math.abs(shift)));
        assertEquals(7f, backend.affine(Tensor.wrap(new float[] {2f}, 1), 3f, 1f).get(0));
    }

    @Test
    void binaryMatchesItsReferenceOnEqualShapes() {
        Backend backend = backend();
        Tensor a = random(8, -3, 3, 7, 3, 5);
        Tensor b = random(9, -3, 3, 7, 3, 5);
        for (BinaryOp op : BinaryOp.values()) {
            assertBinary(op, backend.binary(op, a, b), a, b);
        }
    }

    @Test
    void binaryBroadcastsAsNumPyDoes() {
        Backend backend = backend();
        int[][][] cases = {
            {{4, 1, 5}, {3, 1}, {4, 3, 5}},
            {{5}, {2, 3, 5}, {2, 3, 5}},
            {{}, {2, 3}, {2, 3}},
            {{4, 1}, {4, 6}, {4, 6}},
            {{1, 6}, {4, 1}, {4, 6}},
            {{2, 1, 3, 1}, {1, 4, 1, 5}, {2, 4, 3, 5}},
            {{0, 3}, {1, 3}, {0, 3}},
        };
        long seed = 10;
        for (int[][] c : cases) {
            Tensor a = random(seed++, -3, 3, c[0]);
            Tensor b = random(seed++, -3, 3, c[1]);
            for (BinaryOp op : BinaryOp.values()) {
                Tensor out = backend.binary(op, a, b);
                assertArrayEquals(c[2], out.shape(), Arrays.deepToString(c));
                assertBinary(op, out, a, b);
            }
        }
    }

    @Test
    void binaryBroadcastsStridedViewsIntoAStridedOutput() {
        Backend backend = backend();
        Tensor a = transposed(random(20, -3, 3, 4, 5)); // column-major
        Tensor b = random(21, -3, 3, 4, 3).slice(1, 1, 2); // [4, 1] with row stride 3
        Gapped out = gapped(4, 5);
        for (BinaryOp op : BinaryOp.values()) {
            backend.binary(op, a, b, out.view);
            assertBinary(op, out.view, a, b);
        }
        out.assertGapsUntouched();
        Tensor columnMajor = transposed(Tensor.zeros(4, 5));
        Tensor contiguous = a.contiguous();
        for (BinaryOp op : BinaryOp.values()) {
            backend.binary(op, contiguous, b, columnMajor);
            assertBinary(op, columnMajor, contiguous, b);
        }
        Tensor row = random(22, -3, 3, 5).expand(4, 5); // an already expanded operand
        assertBinary(BinaryOp.SUB, backend.binary(BinaryOp.SUB, a, row), a, row);
    }

    @Test
    void binaryInPlaceAddsABias() {
        Backend backend = backend();
        Tensor x = random(23, -3, 3, 300, 257);
        Tensor before = x.copy();
        Tensor bias = random(24, -3, 3, 257);
        backend.binary(BinaryOp.ADD, x, bias, x);
        assertBinary(BinaryOp.ADD, x, before, bias);
    }

    @Test
    void binaryPropagatesNaN() {
        Backend backend = backend();
        Tensor a = Tensor.wrap(new float[] {Float.NaN, 1f}, 2);
        Tensor b = Tensor.wrap(new float[] {1f, Float.NaN}, 2);
        for (BinaryOp op : BinaryOp.values()) {
            float[] out = backend.binary(op, a, b).toArray();
            assertTrue(Float.isNaN(out[0]) && Float.isNaN(out[1]),
                    op + " of NaN gave " + Arrays.toString(out));
        }
    }

    // ---------------------------------------------------------------- reductions

    @Test
    void reduceAlongEveryAxisWithAndWithoutKeptDimensions() {
        Backend backend = backend();
        Tensor in = random(30, -3, 3, 5, 7, 3);
        for (Reduction reduction : Reduction.values()) {
            for (int axis = -1; axis < 3; axis++) {
                for (boolean keep : new boolean[] {true, false}) {
                    Tensor out = backend.reduce(reduction, in, axis, keep);
                    int ax = axis < 0 ? axis + 3 : axis;
                    assertArrayEquals(Shapes.reduced(in.shape(), ax, keep), out.shape());
                    assertReduced(reduction, in, ax, out);
                }
            }
        }
    }

    @Test
    void reduceStridedInputIntoStridedOutput() {
        Backend backend = backend();
        Tensor in = transposed(random(31, -3, 3, 6, 9, 4));
        for (Reduction reduction : Reduction.values()) {
            for (int axis = 0; axis < 3; axis++) {
                int[] shape = Shapes.reduced(in.shape(), axis, false);
                Gapped out = gapped(shape);
                backend.reduce(reduction, in, axis, out.view);
                assertReduced(reduction, in, axis, out.view);
                out.assertGapsUntouched();
            }
        }
    }

    @Test
    void reduceLargeTensorsAlongRowsAndColumns() {
        Backend backend = backend();
        Tensor in = random(32, -3, 3, 301, 257);
        for (Reduction reduction : Reduction.values()) {
            for (int axis = 0; axis < 2; axis++) {
                assertReduced(reduction, in, axis, backend.reduce(reduction, in, axis, false));
            }
        }
        Tensor deep = random(33, -3, 3, 2, 4001, 11);
        assertReduced(Reduction.SUM, deep, 1, backend.reduce(Reduction.SUM, deep, 1, true));
        assertReduced(Reduction.LOG_SUM_EXP, deep, 1,
                backend.reduce(Reduction.LOG_SUM_EXP, deep, 1, true));
    }

    @Test
    void sumsOfSmallIntegersAreExact() {
        float[] values = new float[3 * 1001];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 - 3;
        }
        Tensor in = Tensor.wrap(values, 3, 1001);
        Tensor rows = backend().reduce(Reduction.SUM, in, 1, false);
        for (int r = 0; r < 3; r++) {
            long want = 0;
            for (int c = 0; c < 1001; c++) {
                want += (r * 1001 + c) % 7 - 3;
            }
            assertEquals(want, rows.get(r), "row " + r);
        }
        Tensor down = backend().reduce(Reduction.SUM, in.contiguous().transpose(0, 1), 0, false);
        assertArrayEquals(rows.toArray(), down.toArray(), "sums down the columns");
        Tensor means = backend().reduce(Reduction.MEAN, Tensor.wrap(new float[] {1, 2, 3, 6},
                2, 2), 0, false);
        assertArrayEquals(new float[] {2f, 4f}, means.toArray());
    }

    @Test
    void logSumExpIsStableAtExtremes() {
        Backend backend = backend();
        float[][] rows = {
            {1e4f, 1e4f},
            {-1e4f, -1e4f, -1e4f},
            {1e4f, -1e4f, 0f},
            {88f, 89f, 90f},
            {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
            {Float.NEGATIVE_INFINITY, 0f},
            {Float.POSITIVE_INFINITY, 1f},
            {Float.NaN, 1f},
        };
        double[] want = {1e4 + Math.log(2), -1e4 + Math.log(3), 1e4, 90 + Math.log1p(
            Math.exp(-1) + Math.exp(-2)), Double.NEGATIVE_INFINITY, 0,
            Double.POSITIVE_INFINITY, Double.NaN};
        for (int r = 0; r < rows.length; r++) {
            Tensor row = Tensor.wrap(rows[r], rows[r].length);
            float got = backend.reduce(Reduction.LOG_SUM_EXP, row, 0, false).get();
            assertClose("logsumexp " + Arrays.toString(rows[r]), (float) want[r], got,
                    lseTolerance((float) want[r]));
            Tensor column = Tensor.wrap(rows[r].clone(), rows[r].length, 1);
            float gotColumn = backend.reduce(Reduction.LOG_SUM_EXP,
                    column.expand(rows[r].length, 3), 0, false).get(2);
            assertClose("logsumexp down a column " + Arrays.toString(rows[r]),
                    (float) want[r], gotColumn, lseTolerance((float) want[r]));
        }
    }

    @Test
    void reductionsPropagateNaN() {
        Tensor in = Tensor.wrap(new float[] {1, Float.NaN, 3, 4, 5, 6}, 2, 3);
        for (Reduction reduction : Reduction.values()) {
            Tensor rows = backend().reduce(reduction, in, 1, false);
            assertTrue(Float.isNaN(rows.get(0)), reduction + " of a row with NaN");
            assertFalse(Float.isNaN(rows.get(1)), reduction + " of a row without NaN");
            Tensor columns = backend().reduce(reduction, in, 0, false);
            assertTrue(Float.isNaN(columns.get(1)), reduction + " of a column with NaN");
            assertFalse(Float.isNaN(columns.get(0)), reduction + " of a column without NaN");
        }
        float[] longRows = new float[2 * 100];
        for (int i = 0; i < longRows.length; i++) {
            longRows[i] = i % 9;
        }
        longRows[37] = Float.NaN;
        Tensor wide = Tensor.wrap(longRows, 2, 100);
        for (Reduction reduction : Reduction.values()) {
            Tensor rows = backend().reduce(reduction, wide, 1, false);
            assertTrue(Float.isNaN(rows.get(0)) && !Float.isNaN(rows.get(1)),
                    reduction + " of 100-element rows, NaN in the first");
        }
    }

    @Test
    void reductionsOverAnEmptyAxis() {
        Tensor in = Tensor.zeros(2, 0);
        assertArrayEquals(new float[] {0, 0},
                backend().reduce(Reduction.SUM, in, 1, false).toArray());
        assertTrue(Float.isNaN(backend().reduce(Reduction.MEAN, in, 1, false).get(0)));
        assertEquals(Float.NEGATIVE_INFINITY,
                backend().reduce(Reduction.LOG_SUM_EXP, in, 1, false).get(1));
        assertThrows(IllegalArgumentException.class,
                () -> backend().reduce(Reduction.MAX, in, 1, false));
        assertArrayEquals(new int[] {0}, backend().reduce(Reduction.MAX, in, 0, false).shape());
    }

    // ---------------------------------------------------------------- argmax

    @Test
    void argmaxAlongEveryAxis() {
        Backend backend = backend();
        Tensor in = random(40, -3, 3, 5, 7, 3);
        for (int axis = 0; axis < 3; axis++) {
            assertArgmax(in, axis, backend.argmax(in, axis));
        }
        Tensor strided = transposed(random(41, -3, 3, 301, 257));
        assertArgmax(strided, 0, backend.argmax(strided, 0));
        assertArgmax(strided, -1, backend.argmax(strided, -1));
    }

    @Test
    void argmaxTakesTheFirstOfTiesAndTheFirstNaN() {
        Tensor ties = Tensor.wrap(new float[] {1, 3, 3, 2, 5, 5, 5, 0}, 2, 4);
        assertArrayEquals(new int[] {1, 0}, backend().argmax(ties, 1));
        assertArrayEquals(new int[] {1, 1, 1, 0}, backend().argmax(ties, 0));
        Tensor nan = Tensor.wrap(new float[] {1, Float.NaN, 9, Float.NaN,
            Float.NaN, 0, 2, 7}, 2, 4);
        assertArrayEquals(new int[] {1, 0}, backend().argmax(nan, 1));
        assertArrayEquals(new int[] {1, 0, 0, 0}, backend().argmax(nan, 0));
        assertArrayEquals(new int[] {0}, backend().argmax(
                Tensor.wrap(new float[] {Float.NEGATIVE_INFINITY}, 1), 0));
    }

    @Test
    void argmaxRefusesAWrongOutputLength() {
        Tensor in = Tensor.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend().argmax(in, 1, new int[4]));
        assertTrue(e.getMessage().contains("[3, 4]"), e.getMessage());
    }

    // ---------------------------------------------------------------- softmax

    @Test
    void softmaxAndLogSoftmaxAlongEveryAxis() {
        Backend backend = backend();
        Tensor in = random(50, -5, 5, 5, 7, 3);
        for (int axis = -1; axis < 3; axis++) {
            int ax = axis < 0 ? axis + 3 : axis;
            assertSoftmax(false, in, ax, backend.softmax(in, axis));
            assertSoftmax(true, in, ax, backend.logSoftmax(in, axis));
        }
    }

    @Test
    void softmaxOfStridedViewsLargeTensorsAndInPlace() {
        Backend backend = backend();
        Tensor strided = transposed(random(51, -5, 5, 301, 257));
        for (int axis = 0; axis < 2; axis++) {
            Gapped out = gapped(301, 257);
            backend.softmax(strided, axis, out.view);
            assertSoftmax(false, strided, axis, out.view);
            out.assertGapsUntouched();
            Gapped logOut = gapped(301, 257);
            backend.logSoftmax(strided, axis, logOut.view);
            assertSoftmax(true, strided, axis, logOut.view);
        }
        Tensor x = random(52, -5, 5, 6, 9);
        Tensor before = x.copy();
        backend.softmax(x, 1, x);
        assertSoftmax(false, before, 1, x);
        Tensor y = before.copy();
        backend.logSoftmax(y, 0, y);
        assertSoftmax(true, before, 0, y);
    }

    @Test
    void softmaxDoesNotOverflowAtLargeInputs() {
        Tensor in = Tensor.wrap(new float[] {1e4f, 1e4f - 1, -1e4f, 1e4f,
            -1e4f, -1e4f, -1e4f, -1e4f}, 2, 4);
        float[] soft = backend().softmax(in, 1).toArray();
        double z = 2 + Math.exp(-1);
        float[] want = {(float) (1 / z), (float) (Math.exp(-1) / z), 0f, (float) (1 / z),
            0.25f, 0.25f, 0.25f, 0.25f};
        for (int i = 0; i < want.length; i++) {
            assertClose("softmax[" + i + "]", want[i], soft[i], softmaxTolerance(want[i]));
        }
        float[] log = backend().logSoftmax(in, 1).toArray();
        double[] logWant = {-Math.log(z), -1 - Math.log(z), -2e4 - Math.log(z), -Math.log(z),
            -Math.log(4), -Math.log(4), -Math.log(4), -Math.log(4)};
        for (int i = 0; i < logWant.length; i++) {
            assertClose("logSoftmax[" + i + "]", (float) logWant[i], log[i],
                    lseTolerance((float) logWant[i]));
        }
    }

    @Test
    void softmaxPropagatesNaNWithinItsRowOnly() {
        Tensor in = Tensor.wrap(new float[] {1, Float.NaN, 3, 1, 2, 3}, 2, 3);
        for (boolean log : new boolean[] {false, true}) {
            float[] out = (log ? backend().logSoftmax(in, 1) : backend().softmax(in, 1))
                    .toArray();
            for (int i = 0; i < 3; i++) {
                assertTrue(Float.isNaN(out[i]), "row with NaN, log " + log);
                assertFalse(Float.isNaN(out[3 + i]), "row without NaN, log " + log);
            }
        }
    }

    // ---------------------------------------------------------------- gemm

    @Test
    void gemmWithEveryTransposeAlphaAndBeta() {
        Backend backend = backend();
        int m = 7;
        int n = 3;
        int k = 5;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? random(60, -1, 1, k, m) : random(60, -1, 1, m, k);
                Tensor b = tb ? random(61, -1, 1, n, k) : random(61, -1, 1, k, n);
                Tensor c = random(62, -1, 1, m, n);
                Tensor c0 = c.copy();
                backend.gemm(ta, tb, 0.5f, a, b, -2f, c);
                assertGemm(ta, tb, 0.5f, a, b, -2f, c0, c);
                assertGemm(ta, tb, 1f, a, b, 0f, null, backend.gemm(ta, tb, a, b));
            }
        }
    }

    @Test
    void gemmOnViewsOfEveryLayout() {
        Backend backend = backend();
        Tensor a = random(63, -1, 1, 9, 12).slice(1, 2, 7);       // [9, 5], row stride 12
        Tensor b = transposed(random(64, -1, 1, 5, 6));           // column-major
        Tensor everyOther = random(65, -1, 1, 5, 12);
        Tensor bGappy = Tensor.view(everyOther.data(), new int[] {5, 6}, new int[] {12, 2}, 1);
        for (Tensor bb : new Tensor[] {b, bGappy}) {
            Tensor c0 = random(66, -1, 1, 9, 6);
            Gapped c = gapped(9, 6);
            fill(c.view, c0);
            backend.gemm(false, false, 1.5f, a, bb, 0.5f, c.view);
            assertGemm(false, false, 1.5f, a, bb, 0.5f, c0, c.view);
            c.assertGapsUntouched();
            Tensor columnMajor = transposed(c0);
            backend.gemm(false, false, 1.5f, a, bb, 0.5f, columnMajor);
            assertGemm(false, false, 1.5f, a, bb, 0.5f, c0, columnMajor);
        }
    }

    @Test
    void gemmWithZeroBetaIgnoresNaNInC() {
        Tensor a = random(67, -1, 1, 3, 4);
        Tensor b = random(68, -1, 1, 4, 2);
        Tensor c = Tensor.wrap(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN,
            Float.NaN, Float.NaN}, 3, 2);
        backend().gemm(false, false, 1f, a, b, 0f, c);
        assertGemm(false, false, 1f, a, b, 0f, null, c);
    }

    // ---------------------------------------------------------------- shape errors

    @Test
    void shapeMismatchesNameBothShapes() {
        Backend backend = backend();
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4, 3);
        assertNamesShapes(() -> backend.unary(UnaryOp.EXP, a, b), "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.affine(a, 1, 0, b), "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.binary(BinaryOp.ADD, a, b), "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.binary(BinaryOp.ADD, a, Tensor.zeros(3), b),
                "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.reduce(Reduction.SUM, a, 1, Tensor.zeros(3)),
                "[2, 3]", "[3]");
        assertNamesShapes(() -> backend.softmax(a, 0, b), "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.logSoftmax(a, 0, b), "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.gemm(false, false, a, b), "[2, 3]", "[4, 3]");
        assertNamesShapes(() -> backend.gemm(false, true, 1f, a, b, 0f, Tensor.zeros(2, 2)),
                "[2, 4]", "[2, 2]");
        assertThrows(IllegalArgumentException.class,
                () -> backend.reduce(Reduction.SUM, a, 2, true));
        assertThrows(IllegalArgumentException.class, () -> backend.softmax(a, -3));
    }

    // ---------------------------------------------------------------- references and helpers

    /** Uniform values in [low, high) from a seeded generator, as a contiguous tensor. */
    protected static Tensor random(long seed, double low, double high, int... shape) {
        Random random = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        float[] data = t.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return t;
    }

    /** The same values as {@code t} but stored with all axes reversed: a fully strided view. */
    protected static Tensor transposed(Tensor t) {
        int rank = t.rank();
        int[] reverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            reverse[i] = rank - 1 - i;
        }
        return t.permute(reverse).contiguous().permute(reverse);
    }

    /** An output view whose rows have gaps on both sides, filled with a sentinel. */
    protected static final class Gapped {
        static final float SENTINEL = -12345f;
        final Tensor base;
        final Tensor view;

        Gapped(int... shape) {
            int[] padded = shape.clone();
            padded[padded.length - 1] += 3;
            base = Tensor.zeros(padded);
            Arrays.fill(base.data(), SENTINEL);
            view = base.slice(-1, 1, shape[shape.length - 1] + 1);
        }

        void assertGapsUntouched() {
            int width = base.dim(-1);
            float[] data = base.data();
            for (int i = 0; i < data.length; i++) {
                int column = i % width;
                if ((column == 0 || column > width - 3) && data[i] != SENTINEL) {
                    fail("element " + i + " outside the output view was written");
                }
            }
        }
    }

    /** A view of the given shape (rank at least 1) inside a larger, sentinel-filled array. */
    protected static Gapped gapped(int... shape) {
        return new Gapped(shape);
    }

    /** Writes source's elements into target, index by index (any layouts, same shape). */
    protected static void fill(Tensor target, Tensor source) {
        forEachIndex(source.shape(), index -> target.set(source.get(index), index));
    }

    private interface FloatFunction {
        float apply(float x);
    }

    private interface Tolerance {
        double of(float want, float input);
    }

    private static double ulpTolerance(float want, float input) {
        return ulpTolerance(want);
    }

    private static double ulpTolerance(float want) {
        return 8 * Math.ulp(want);
    }

    private static double lseTolerance(float want) {
        return 4 * Math.ulp(want) + 1e-5;
    }

    private static double softmaxTolerance(float want) {
        return 1e-5 * Math.abs(want) + 1e-7;
    }

    /** Asserts got == want within tol; NaN must match NaN, infinities must match exactly. */
    protected static void assertClose(String what, float want, float got, double tol) {
        if (Float.isNaN(want) || Float.isNaN(got)) {
            assertEquals(Float.isNaN(want), Float.isNaN(got), what + ": want " + want
                    + ", got " + got);
            return;
        }
        if (Float.isInfinite(want) || Float.isInfinite(got)) {
            assertEquals(want, got, what);
            return;
        }
        if (Math.abs((double) got - want) > tol) {
            fail(what + ": want " + want + ", got " + got + " (tolerance " + tol + ")");
        }
    }

    private static void assertElementwise(String what, Tensor out, Tensor in, FloatFunction f,
            Tolerance tolerance) {
        forEachIndex(in.shape(), index -> {
            float x = in.get(index);
            float want = f.apply(x);
            assertClose(what + " at " + Arrays.toString(index) + " of " + x, want,
                    out.get(index), tolerance.of(want, x));
        });
    }

    private static void assertBinary(BinaryOp op, Tensor out, Tensor a, Tensor b) {
        int[] shape = out.shape();
        forEachIndex(shape, index -> {
            float x = a.get(broadcastIndex(index, a.shape()));
            float y = b.get(broadcastIndex(index, b.shape()));
            float want = op.apply(x, y);
            assertClose(op + " at " + Arrays.toString(index), want, out.get(index),
                    op == BinaryOp.DIV ? ulpTolerance(want) : 2 * Math.ulp(want));
        });
    }

    /** The index into a broadcast operand of {@code shape} for an index of the result. */
    private static int[] broadcastIndex(int[] index, int[] shape) {
        int[] out = new int[shape.length];
        int lead = index.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i] == 1 ? 0 : index[lead + i];
        }
        return out;
    }

    /** Values of {@code in} along {@code axis} at the reduced index (kept-axis form). */
    private static double[] fiber(Tensor in, int axis, int[] reducedIndex) {
        double[] values = new double[in.dim(axis)];
        int[] index = reducedIndex.clone();
        for (int l = 0; l < values.length; l++) {
            index[axis] = l;
            values[l] = in.get(index);
        }
        return values;
    }

    private static void assertReduced(Reduction reduction, Tensor in, int axis, Tensor out) {
        int[] kept = Shapes.reduced(in.shape(), axis, true);
        Tensor view = out.rank() == in.rank() ? out : out.unsqueeze(axis);
        forEachIndex(kept, index -> {
            double[] x = fiber(in, axis, index);
            double absSum = 0;
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : x) {
                sum += v;
                absSum += Math.abs(v);
                max = Double.isNaN(v) || Double.isNaN(max) ? Double.NaN : Math.max(max, v);
                min = Double.isNaN(v) || Double.isNaN(min) ? Double.NaN : Math.min(min, v);
            }
            double want;
            double tol;
            switch (reduction) {
                case SUM -> {
                    want = sum;
                    tol = 1e-5 * absSum;
                }
                case MEAN -> {
                    want = sum / x.length;
                    tol = 1e-5 * absSum / x.length;
                }
                case MAX -> {
                    want = max;
                    tol = 0;
                }
                case MIN -> {
                    want = min;
                    tol = 0;
                }
                case LOG_SUM_EXP -> {
                    double s = 0;
                    for (double v : x) {
                        s += Math.exp(v - max);
                    }
                    want = max + Math.log(s);
                    tol = lseTolerance((float) want);
                }
                default -> throw new AssertionError(reduction);
            }
            assertClose(reduction + " along " + axis + " at " + Arrays.toString(index),
                    (float) want, view.get(index), tol);
        });
    }

    private static void assertArgmax(Tensor in, int axis, int[] got) {
        int ax = axis < 0 ? axis + in.rank() : axis;
        int[] kept = Shapes.reduced(in.shape(), ax, true);
        int[] position = {0};
        forEachIndex(kept, index -> {
            double[] x = fiber(in, ax, index);
            int best = 0;
            for (int l = 1; l < x.length; l++) {
                if (x[l] > x[best]) {
                    best = l;
                }
            }
            assertEquals(best, got[position[0]++], "argmax at " + Arrays.toString(index));
        });
        assertEquals(got.length, position[0]);
    }

    private static void assertSoftmax(boolean log, Tensor in, int axis, Tensor out) {
        int[] kept = Shapes.reduced(in.shape(), axis, true);
        forEachIndex(kept, index -> {
            double[] x = fiber(in, axis, index);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                max = Math.max(max, v);
            }
            double s = 0;
            for (double v : x) {
                s += Math.exp(v - max);
            }
            double sumOfOutputs = 0;
            int[] at = index.clone();
            for (int l = 0; l < x.length; l++) {
                at[axis] = l;
                float want = (float) (log ? x[l] - max - Math.log(s) : Math.exp(x[l] - max) / s);
                float got = out.get(at);
                assertClose((log ? "logSoftmax" : "softmax") + " at " + Arrays.toString(at),
                        want, got, log ? lseTolerance(want) : softmaxTolerance(want));
                sumOfOutputs += log ? Math.exp(got) : got;
            }
            assertEquals(1, sumOfOutputs, 1e-5, "outputs sum to one at "
                    + Arrays.toString(index));
        });
    }

    private static void assertGemm(boolean ta, boolean tb, float alpha, Tensor a, Tensor b,
            float beta, Tensor c0, Tensor c) {
        int m = c.dim(0);
        int n = c.dim(1);
        int k = ta ? a.dim(0) : a.dim(1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double product = (ta ? a.get(p, i) : a.get(i, p))
                            * (double) (tb ? b.get(j, p) : b.get(p, j));
                    sum += product;
                    abs += Math.abs(product);
                }
                double prior = c0 == null ? 0 : beta * (double) c0.get(i, j);
                double want = alpha * sum + prior;
                // float products and sums in any order: k eps of the magnitudes involved
                double tol = 2 * (k + 2) * EPS * (Math.abs(alpha) * abs + Math.abs(prior));
                assertClose("gemm C[" + i + ", " + j + "]", (float) want, c.get(i, j), tol);
            }
        }
    }

    private static void assertNamesShapes(Executable call, String first, String second) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(first) && e.getMessage().contains(second),
                "message should name " + first + " and " + second + ": " + e.getMessage());
    }

    /** Calls {@code action} with every index of {@code shape} in row-major order. */
    protected static void forEachIndex(int[] shape, Consumer<int[]> action) {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        int[] index = new int[shape.length];
        for (long i = 0; i < count; i++) {
            action.accept(index.clone());
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                if (++index[axis] < shape[axis]) {
                    break;
                }
                index[axis] = 0;
            }
        }
    }
}
