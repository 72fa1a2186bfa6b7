package org.netcompare.nets.gradnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.Parameter;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.train.Sgd;

class GradNetTest {

    @Test
    void predictionSumsLogitsOverEveryLabel() {
        // Blocks of one entry, identity hidden units and head: logits = (relu(x0), relu(x1)).
        GradNet net = new GradNet(new int[] {1, 1}, new int[] {1, 1}, 2, 0, 0);
        List<Parameter> p = net.parameters();
        p.get(0).value().data()[0] = 1; // block0.weight
        p.get(2).value().data()[0] = 1; // block1.weight
        float[] head = p.get(4).value().data();
        head[0] = 1;
        head[3] = 1;
        // Label 0's feature gives logits (4, 3), label 1's gives (0, 2): sums (4, 5) -> class 1,
        // although the largest single logit (4) belongs to class 0.
        float[][][] perLabel = {{{4}, {3}}, {{0}, {2}}};
        assertEquals(1, net.predict(perLabel));
        assertEquals(0, net.predict(new float[][][] {{{4}, {3}}, {{2}, {0}}}));
    }

    @Test
    void learnsASeparableProblem() {
        int n = 64;
        SplittableRandom random = new SplittableRandom(7);
        float[] x0 = new float[n * 2];
        float[] x1 = new float[n * 3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                x0[i * 2 + j] = (float) random.nextDouble(-1, 1);
            }
            for (int j = 0; j < 3; j++) {
                x1[i * 3 + j] = (float) random.nextDouble(-1, 1);
            }
            labels[i] = x0[i * 2] + x1[i * 3 + 1] > 0 ? 1 : 0;
        }
        List<Tensor> batch = List.of(Tensor.wrap(x0, n, 2), Tensor.wrap(x1, n, 3));
        GradNet net = new GradNet(new int[] {2, 3}, new int[] {4, 8}, 2, 0.5f, 1);
        net.initialize(2);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Sgd sgd = new Sgd(0.2, 0.9, 0);
        double first = loss.forward(net.forward(batch, false), labels);
        for (int step = 0; step < 300; step++) {
            loss.forward(net.forward(batch, true), labels);
            net.parameters().forEach(Parameter::zeroGrad);
            net.backward(loss.backward());
            sgd.step(net.parameters());
        }
        double last = loss.forward(net.forward(batch, false), labels);
        float[] logits = net.forward(batch, false).toArray();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += (logits[2 * i + 1] > logits[2 * i] ? 1 : 0) == labels[i] ? 1 : 0;
        }
        assertTrue(last < first / 3, "loss " + first + " -> " + last);
        assertTrue(correct >= 60, correct + " of " + n + " correct");
    }
}
