package org.netcompare.nets.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

class Conv2dTest {

    /** The definition of a padded, strided cross-correlation, summed in double. */
    private static double[] naive(float[] x, float[] w, float[] b, int n, int c, int h, int wd,
            int out, int k, int stride, int pad) {
        int ho = (h + 2 * pad - k) / stride + 1;
        int wo = (wd + 2 * pad - k) / stride + 1;
        double[] y = new double[n * out * ho * wo];
        for (int s = 0; s < n; s++) {
            for (int o = 0; o < out; o++) {
                for (int oh = 0; oh < ho; oh++) {
                    for (int ow = 0; ow < wo; ow++) {
                        double sum = b[o];
                        for (int ci = 0; ci < c; ci++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int ih = oh * stride - pad + i;
                                    int iw = ow * stride - pad + j;
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < wd) {
                                        sum += (double) x[((s * c + ci) * h + ih) * wd + iw]
                                                * w[((o * c + ci) * k + i) * k + j];
                                    }
                                }
                            }
                        }
                        y[((s * out + o) * ho + oh) * wo + ow] = sum;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void forwardMatchesTheNaiveLoopWithStrideTwoAndPaddingOne() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 3;
        int c = 3;
        int h = 9;
        int w = 7;
        int out = 5;
        int k = 3;
        Conv2d conv = new Conv2d("conv", c, out, k, 2, 1, true);
        float[] weights = conv.weight().value().data();
        float[] bias = conv.bias().value().data();
        fill(weights, random);
        fill(bias, random);
        float[] x = new float[n * c * h * w];
        fill(x, random);
        Tensor y = conv.forward(Tensor.wrap(x, n, c, h, w), false);
        assertArrayEquals(new int[] {n, out, 5, 4}, y.shape());
        double[] expected = naive(x, weights, bias, n, c, h, w, out, k, 2, 1);
        float[] actual = y.toArray();
        for (int i = 0; i < expected.length; i++) {
            // 27 products of terms below 1 in float32: error well below 1e-5.
            assertEquals(expected[i], actual[i], 1e-5, "output " + i);
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        SplittableRandom random = new SplittableRandom(2);
        Conv2d conv = new Conv2d("conv", 2, 3, 3, 1, 1, true);
        fill(conv.weight().value().data(), random);
        float[] x = new float[5 * 2 * 6 * 6];
        fill(x, random);
        Tensor input = Tensor.wrap(x, 5, 2, 6, 6);
        float[] dy = new float[5 * 3 * 6 * 6];
        fill(dy, random);
        int threads = Parallelism.threads();
        try {
            Parallelism.setThreads(1);
            float[] y1 = conv.forward(input, true).toArray();
            float[] dx1 = conv.backward(Tensor.wrap(dy, 5, 3, 6, 6)).toArray();
            float[] dw1 = conv.weight().grad().toArray();
            conv.weight().zeroGrad();
            Parallelism.setThreads(3);
            assertArrayEquals(y1, conv.forward(input, true).toArray());
            assertArrayEquals(dx1, conv.backward(Tensor.wrap(dy, 5, 3, 6, 6)).toArray());
            float[] dw3 = conv.weight().grad().toArray();
            for (int i = 0; i < dw1.length; i++) {
                // The GEMM may group the sum over samples differently: float rounding only.
                assertEquals(dw1[i], dw3[i], 1e-4 * (1 + Math.abs(dw1[i])));
            }
        } finally {
            Parallelism.setThreads(threads);
        }
    }

    @Test
    void blocksOfSeveralSamplesAgreeWithOneSampleAtATime() {
        // 9 x 74 x 74 = 49,284 column entries per sample: a block of 2^17 floats holds two, so
        // a batch of three runs as blocks of two samples and one.
        SplittableRandom random = new SplittableRandom(3);
        Conv2d conv = new Conv2d("conv", 1, 2, 3, 1, 1, true);
        fill(conv.weight().value().data(), random);
        fill(conv.bias().value().data(), random);
        int image = 74 * 74;
        float[] x = new float[3 * image];
        fill(x, random);
        float[] dy = new float[3 * 2 * image];
        fill(dy, random);
        float[] y = conv.forward(Tensor.wrap(x, 3, 1, 74, 74), true).toArray();
        float[] dx = conv.backward(Tensor.wrap(dy, 3, 2, 74, 74)).toArray();
        float[] dw = conv.weight().grad().toArray();
        float[] db = conv.bias().grad().toArray();
        conv.weight().zeroGrad();
        for (int s = 0; s < 3; s++) {
            Tensor one = Tensor.wrap(Arrays.copyOfRange(x, s * image, (s + 1) * image),
                    1, 1, 74, 74);
            float[] ys = conv.forward(one, true).toArray();
            float[] dxs = conv.backward(Tensor.wrap(Arrays.copyOfRange(dy,
                    s * 2 * image, (s + 1) * 2 * image), 1, 2, 74, 74)).toArray();
            assertArrayEquals(ys, Arrays.copyOfRange(y, s * 2 * image,
                    (s + 1) * 2 * image), "output of sample " + s);
            assertArrayEquals(dxs, Arrays.copyOfRange(dx, s * image, (s + 1) * image),
                    "input gradient of sample " + s);
        }
        float[] dwSum = conv.weight().grad().toArray();
        conv.weight().zeroGrad();
        conv.bias().zeroGrad();
        conv.forward(Tensor.wrap(x, 3, 1, 74, 74), true);
        conv.backwardParameters(Tensor.wrap(dy, 3, 2, 74, 74));
        assertArrayEquals(dw, conv.weight().grad().toArray(),
                "parameters-only backward, weight gradient");
        assertArrayEquals(db, conv.bias().grad().toArray(),
                "parameters-only backward, bias gradient");
        for (int i = 0; i < dw.length; i++) {
            // Sums of 16,428 products of order 1 in float32, in two different groupings.
            assertEquals(dwSum[i], dw[i], 1e-3 * (1 + Math.abs(dwSum[i])), "weight gradient " + i);
        }
    }

    @Test
    void wrongChannelCountIsRefusedByName() {
        Conv2d conv = new Conv2d("conv7", 3, 4, 3, 1, 0, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.forward(Tensor.zeros(1, 2, 5, 5), false));
        assertTrue(e.getMessage().startsWith("conv7: expects 3 input channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> conv.outputShape(new int[] {3, 2, 2}));
    }

    private static void fill(float[] values, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
    }
}
