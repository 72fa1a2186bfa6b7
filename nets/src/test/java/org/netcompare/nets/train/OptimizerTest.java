package org.netcompare.nets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Parameter;

/**
 * Three steps of each optimiser on p0 = [0.5, -1.5, 2.0] with fixed gradients, against
 * PyTorch 1.13's torch.optim (float32), printed by:
 * <pre>
 * p = torch.nn.Parameter(torch.tensor(p0)); o = torch.optim.SGD([p], lr=0.1, momentum=0.9,
 *     weight_decay=0.01)
 * for g in grads: p.grad = torch.tensor(g); o.step(); print(p)
 * </pre>
 * Tolerance 1e-6: both sides round in float32, but the order of roundings may differ by an ulp
 * (about 2.4e-7 near 2).
 */
class OptimizerTest {

    private static final float[] START = {0.5f, -1.5f, 2.0f};
    private static final float[][] GRADIENTS = {
        {0.1f, -0.2f, 0.3f}, {-0.4f, 0.5f, 0.6f}, {0.7f, -0.8f, -0.9f}};
    private static final double TOLERANCE = 1e-6;

    @Test
    void plainSgdIsGradientDescent() {
        // p3 = p0 - 0.1 * (g1 + g2 + g3), by hand
        assertSteps(new Sgd(0.1, 0, 0), new double[][] {
            {0.49, -1.48, 1.97}, {0.53, -1.53, 1.91}, {0.46, -1.45, 2.0}});
    }

    @Test
    void sgdWithMomentumAndWeightDecayMatchesPyTorch() {
        // step 1 by hand: g = 0.1 + 0.01 * 0.5 = 0.105, b = g, p = 0.5 - 0.1 * 0.105 = 0.4895
        assertSteps(new Sgd(0.1, 0.9, 0.01), new double[][] {
            {0.4894999861717224, -1.4785000085830688, 1.968000054359436},
            {0.5195605158805847, -1.5076714754104614, 1.8772320747375488},
            {0.47609540820121765, -1.4524182081222534, 1.8836636543273926}});
    }

    @Test
    void nesterovSgdMatchesPyTorch() {
        assertSteps(new Sgd(0.1, 0.9, 0.01, true), new double[][] {
            {0.4800499975681305, -1.459149956703186, 1.9392000436782837},
            {0.5466328859329224, -1.533962607383728, 1.7955955266952515},
            {0.4369509518146515, -1.4026926755905151, 1.8896851539611816}});
    }

    @Test
    void adamMatchesPyTorch() {
        // step 1 by hand: bias-corrected m / sqrt(v) = sign(g), so p moves by lr = 0.01
        assertSteps(new Adam(0.01, 0.9, 0.999, 1e-8, 0.01), new double[][] {
            {0.49000000953674316, -1.4900000095367432, 1.9900000095367432},
            {0.4954718053340912, -1.4940898418426514, 1.9803146123886108},
            {0.492065966129303, -1.4904597997665405, 1.9806735515594482}});
    }

    @Test
    void restoredStateContinuesIdentically() {
        for (boolean adam : new boolean[] {false, true}) {
            Optimizer first = adam ? new Adam(0.01) : new Sgd(0.1, 0.9, 0.01);
            Parameter a = parameter();
            a.grad().data()[0] = 0.3f;
            first.step(List.of(a));
            Optimizer second = adam ? new Adam(0.01) : new Sgd(0.1, 0.9, 0.01);
            second.loadState(first.state());
            Parameter b = new Parameter("w", a.value().copy());
            for (Parameter p : List.of(a, b)) {
                System.arraycopy(GRADIENTS[1], 0, p.grad().data(), 0, 3);
            }
            first.step(List.of(a));
            second.step(List.of(b));
            assertArrayEquals(a.value().toArray(), b.value().toArray());
        }
    }

    @Test
    void refusesForeignState() {
        Map<String, NdArray> state = Map.of("exp_avg.w", NdArray.ofFloats(new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0.9, 0).loadState(state));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1, 0.9, 1e-8, 0));
    }

    @Test
    void stepScheduleDecaysEveryStepSizeEpochs() {
        StepSchedule schedule = new StepSchedule(3, 0.1);
        assertEquals(0.05, schedule.rate(0.05, 0));
        assertEquals(0.05, schedule.rate(0.05, 2));
        assertEquals(0.005, schedule.rate(0.05, 3), 1e-15);
        assertEquals(0.0005, schedule.rate(0.05, 7), 1e-15);
    }

    private static Parameter parameter() {
        return new Parameter("w", Tensor.wrap(START.clone(), 3));
    }

    private static void assertSteps(Optimizer optimizer, double[][] expected) {
        Parameter p = parameter();
        for (int step = 0; step < expected.length; step++) {
            System.arraycopy(GRADIENTS[step], 0, p.grad().data(), 0, 3);
            // a fresh wrapper every step, as Sequential.parameters() gives
            optimizer.step(List.of(p.prefixed("layer")));
            float[] actual = p.value().toArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[step][i], actual[i], TOLERANCE,
                        "step " + (step + 1) + " element " + i);
            }
        }
    }
}
