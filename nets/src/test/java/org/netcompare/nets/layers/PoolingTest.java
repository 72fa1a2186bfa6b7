package org.netcompare.nets.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

class PoolingTest {

    private static final float[] IMAGE = {
        1, 2, 5, 0, 9,
        3, 4, 1, 8, 9,
        0, 7, 6, 2, 9,
        1, 1, 1, 1, 9};

    @Test
    void maxPoolTakesWindowMaximaAndRoutesGradientsToThem() {
        MaxPool2d pool = new MaxPool2d("pool", 2, 2);
        Tensor y = pool.forward(Tensor.wrap(IMAGE.clone(), 1, 1, 4, 5), false);
        // Floor mode: the fifth column is dropped.
        assertArrayEquals(new float[] {4, 8, 7, 6}, y.toArray());
        float[] dx = pool.backward(Tensor.wrap(new float[] {1, 2, 3, 4}, 1, 1, 2, 2)).toArray();
        float[] expected = new float[20];
        expected[6] = 1;
        expected[8] = 2;
        expected[11] = 3;
        expected[12] = 4;
        assertArrayEquals(expected, dx);
    }

    @Test
    void averagePoolTakesWindowMeans() {
        AvgPool2d pool = new AvgPool2d("pool", 2, 2);
        Tensor y = pool.forward(Tensor.wrap(IMAGE.clone(), 1, 1, 4, 5), false);
        assertArrayEquals(new float[] {2.5f, 3.5f, 2.25f, 2.5f}, y.toArray());
    }

    @Test
    void largeBatchesSplitOverThreadsGiveTheSameResult() {
        // 131,072 elements: enough work for three ranges (Ranges splits from 32,768 up).
        float[] x = GradientCheck.uniform(16 * 8 * 32 * 32, new SplittableRandom(5), -1, 1);
        float[] dy = GradientCheck.uniform(x.length, new SplittableRandom(6), -1, 1);
        Tensor input = Tensor.wrap(x, 16, 8, 32, 32);
        Layer[] layers = {new MaxPool2d("max", 2, 2), new AvgPool2d("avg", 3, 1),
            new Relu("relu"), new Sigmoid("sigmoid")};
        int threads = Parallelism.threads();
        try {
            for (Layer layer : layers) {
                Parallelism.setThreads(1);
                float[] y1 = layer.forward(input, true).toArray();
                int[] shape = layer.outputShape(new int[] {8, 32, 32});
                Tensor g = Tensor.wrap(Arrays.copyOf(dy, y1.length), 16, shape[0],
                        shape[1], shape[2]);
                float[] dx1 = layer.backward(g).toArray();
                Parallelism.setThreads(3);
                assertArrayEquals(y1, layer.forward(input, true).toArray(), layer.name());
                assertArrayEquals(dx1, layer.backward(g).toArray(), layer.name());
            }
        } finally {
            Parallelism.setThreads(threads);
        }
    }
}
