package org.netcompare.nets.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

class BatchNormTest {

    @Test
    void trainingUpdatesRunningStatisticsAsPyTorchDoes() {
        BatchNorm bn = BatchNorm.oneD("bn", 2, 1e-5, 0.1);
        // Channel 0: 1, 2, 3, 6 (mean 3, unbiased variance 14/3); channel 1: all 5.
        Tensor x = Tensor.wrap(new float[] {1, 5, 2, 5, 3, 5, 6, 5}, 4, 2);
        float[] y = bn.forward(x, true).toArray();
        float[] mean = bn.buffers().get(0).value().data();
        float[] var = bn.buffers().get(1).value().data();
        assertEquals(0.9 * 0 + 0.1 * 3, mean[0], 1e-6);
        assertEquals(0.9 * 1 + 0.1 * 14.0 / 3, var[0], 1e-6);
        assertEquals(0.1 * 5, mean[1], 1e-6);
        assertEquals(0.9, var[1], 1e-6);
        assertEquals(1f, bn.buffers().get(2).value().data()[0]);
        // Biased variance 3.5 normalises the batch.
        assertEquals((1 - 3) / Math.sqrt(3.5 + 1e-5), y[0], 1e-6);
        assertEquals(0, y[1], 1e-6);
    }

    @Test
    void evaluationUsesRunningStatistics() {
        BatchNorm bn = BatchNorm.twoD("bn", 1, 1e-5, 0.1);
        bn.buffers().get(0).value().data()[0] = 2f;
        bn.buffers().get(1).value().data()[0] = 4f;
        bn.parameters().get(0).value().data()[0] = 3f;
        bn.parameters().get(1).value().data()[0] = 0.5f;
        float[] y = bn.forward(Tensor.wrap(new float[] {4, 0}, 1, 1, 1, 2), false).toArray();
        assertEquals(3 * 2 / Math.sqrt(4 + 1e-5) + 0.5, y[0], 1e-6);
        assertEquals(3 * -2 / Math.sqrt(4 + 1e-5) + 0.5, y[1], 1e-6);
        assertEquals(0f, bn.buffers().get(2).value().data()[0]);
    }

    @Test
    void oneValuePerChannelCannotTrain() {
        BatchNorm bn = BatchNorm.oneD("bn", 3, 1e-5, 0.1);
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3), true));
        assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Tensor.zeros(2, 3, 2, 2), true));
    }
}
