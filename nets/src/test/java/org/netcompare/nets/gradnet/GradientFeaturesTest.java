package org.netcompare.nets.gradnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.GradientCheck;
import org.netcompare.nets.layers.Linear;
import org.netcompare.nets.layers.Relu;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.model.Initialization;
import org.netcompare.nets.model.Sequential;

/** Tolerances: those of {@link GradientCheck} (float32 layers, central differences, h = 1e-2). */
class GradientFeaturesTest {

    private static Sequential tinyModel() {
        Sequential model = new Sequential(new int[] {3}, List.of(
                new Linear("fc1", 3, 4, true), new Relu("relu"), new Linear("fc2", 4, 3, true)));
        Initialization.initialize(model, Initialization.Scheme.KAIMING, 11);
        return model;
    }

    @Test
    void weightBlocksEqualCentralFiniteDifferences() {
        Sequential model = tinyModel();
        Tensor sample = Tensor.wrap(new float[] {0.7f, -1.2f, 0.4f}, 3);
        GradientFeatures features = new GradientFeatures(model);
        assertEquals(List.of("fc1.weight", "fc2.weight"), features.blockNames());
        assertArrayEquals(new int[] {12, 12}, features.blockSizes());
        assertEquals(96, features.bytesPerLabel());
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        for (int label = 0; label < 3; label++) {
            float[][] blocks = features.of(sample, label);
            int target = label;
            List<String> failures = new ArrayList<>();
            GradientCheck.compare("fc1.weight", ((Linear) model.layer("fc1")).weight().value()
                    .data(), blocks[0], () -> loss.forward(model.forward(
                            sample.reshape(1, 3), false), new int[] {target}), failures);
            GradientCheck.compare("fc2.weight", ((Linear) model.layer("fc2")).weight().value()
                    .data(), blocks[1], () -> loss.forward(model.forward(
                            sample.reshape(1, 3), false), new int[] {target}), failures);
            GradientCheck.report(failures);
        }
    }

    @Test
    void oneForwardForSeveralLabelsGivesTheSingleLabelFeatures() {
        Sequential model = tinyModel();
        float[] x = GradientCheck.uniform(3, new SplittableRandom(5), -1, 1);
        Tensor sample = Tensor.wrap(x, 3);
        GradientFeatures features = new GradientFeatures(model);
        float[][][] all = features.forLabels(sample, new int[] {2, 0, 1});
        int[] order = {2, 0, 1};
        for (int l = 0; l < 3; l++) {
            float[][] single = features.of(sample, order[l]);
            for (int b = 0; b < 2; b++) {
                assertArrayEquals(single[b], all[l][b]);
            }
        }
        model.parameters().forEach(p -> assertArrayEquals(new float[p.grad().size()],
                p.grad().toArray()));
    }
}
