package org.netcompare.nets.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.GradientCheck;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;

/**
 * The whole LeNet-5 with its cross-entropy loss against central differences, on a batch of two.
 *
 * <p>Perturbing one weight moves thousands of ReLU inputs; where one of them crosses zero inside
 * [w - h, w + h] the loss has a kink there and the difference quotient is no derivative (with
 * seed 8 one fc2 pre-activation is 4.7e-4). Such entries are recognised by a change of the ReLU
 * sign pattern and skipped: each tensor is checked at the first 8 of up to 64 random entries
 * that leave the pattern unchanged (conv1's weights, which move all 9408 conv1 outputs, cross a
 * kink most often: about two entries in three). The step is 1e-3, smaller than the single
 * layers' 1e-2, to make kinks rare; the loss (about 2.3) carries a float32 rounding error near
 * 1e-6, below 1e-3 after division by 2h, within the tolerance of {@link GradientCheck}.
 */
class LeNetGradientTest {

    private static final int WANTED = 8;
    private static final int CANDIDATES = 64;
    private static final double STEP = 1e-3;
    private static final List<String> RELUS = List.of("relu1", "relu2", "relu3", "relu4");
    private static final List<String> CAPTURED = List.of("relu1", "relu2", "relu3", "relu4", "fc3");

    private final Sequential lenet = ModelZoo.spec("lenet5").build(7);
    private final int[] labels = {3, 8};
    private Tensor input;

    @Test
    void everyParameterAndTheInputMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(8);
        float[] x = GradientCheck.uniform(2 * 28 * 28, random, 0, 1);
        input = Tensor.wrap(x, 2, 1, 28, 28);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        loss.forward(lenet.forward(input, true), labels);
        lenet.zeroGrad();
        float[] dx = lenet.backward(loss.backward()).toArray();
        BitSet pattern = evaluate().pattern;
        List<String> failures = new ArrayList<>();
        check("input", x, dx, sample(x.length, random), pattern, failures);
        for (Parameter p : lenet.parameters()) {
            check(p.name(), p.value().data(), p.grad().toArray(), sample(p.value().size(), random),
                    pattern, failures);
        }
        GradientCheck.report(failures);
    }

    private void check(String what, float[] values, float[] analytic, int[] indices,
            BitSet pattern, List<String> failures) {
        int checked = 0;
        for (int n = 0; n < indices.length && checked < WANTED; n++) {
            int i = indices[n];
            float original = values[i];
            float up = (float) (original + STEP);
            float down = (float) (original - STEP);
            values[i] = up;
            Evaluation plus = evaluate();
            values[i] = down;
            Evaluation minus = evaluate();
            values[i] = original;
            if (!plus.pattern.equals(pattern) || !minus.pattern.equals(pattern)) {
                continue;
            }
            double numeric = (plus.loss - minus.loss) / ((double) up - down);
            if (Math.abs(numeric - analytic[i])
                    > GradientCheck.ABSOLUTE + GradientCheck.RELATIVE * Math.abs(analytic[i])) {
                failures.add(what + "[" + i + "]: analytic " + analytic[i] + ", numeric "
                        + numeric);
            }
            checked++;
        }
        assertTrue(checked == WANTED, what + ": only " + checked + " of "
                + indices.length + " entries away from kinks");
    }

    /** The loss and which ReLU inputs are positive (all four ReLU layers, both samples). */
    private record Evaluation(double loss, BitSet pattern) {
    }

    private Evaluation evaluate() {
        Map<String, Tensor> outputs = lenet.forwardCapturing(input, true, CAPTURED);
        BitSet bits = new BitSet();
        int at = 0;
        for (String relu : RELUS) {
            for (float v : outputs.get(relu).toArray()) {
                bits.set(at++, v > 0);
            }
        }
        return new Evaluation(new SoftmaxCrossEntropy().forward(outputs.get("fc3"), labels), bits);
    }

    private static int[] sample(int size, SplittableRandom random) {
        return random.ints(CANDIDATES, 0, size).toArray();
    }
}
