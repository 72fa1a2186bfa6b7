package org.netcompare.nets.layers;

import org.netcompare.engine.tensor.Tensor;

/**
 * Average pooling, PyTorch's {@code nn.AvgPool2d(kernel, stride)} without padding.
 *
 * <pre>
 * input  x [N, C, H, W]
 * output y [N, C, Ho, Wo], Ho = floor((H - k) / s) + 1: the mean of each k x k window
 * backward: every pixel of a window receives dy / k^2
 * </pre>
 */
public final class AvgPool2d extends Pooling {

    public AvgPool2d(String name, int kernel, int stride) {
        super(name, kernel, stride);
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
        Tensor x = begin(in);
        ConvGeometry g = geometry;
        int planes = x.dim(0) * x.dim(1);
        float[] xs = x.data();
        float[] y = new float[planes * g.positions()];
        float scale = 1f / (kernel * kernel);
        int planeIn = g.height * g.width;
        Ranges.forEach(planes, planeIn, (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int base = x.offset() + plane * planeIn;
                int out = plane * g.positions();
                for (int oh = 0; oh < g.outHeight; oh++) {
                    for (int ow = 0; ow < g.outWidth; ow++, out++) {
                        float sum = 0f;
                        for (int i = 0; i < kernel; i++) {
                            int row = base + (oh * stride + i) * g.width + ow * stride;
                            for (int j = 0; j < kernel; j++) {
                                sum += xs[row + j];
                            }
                        }
                        y[out] = sum * scale;
                    }
                }
            }
        });
        return Tensor.wrap(y, x.dim(0), x.dim(1), g.outHeight, g.outWidth);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor grad = checkedGradient(gradOutput);
        ConvGeometry g = geometry;
        int planes = input.dim(0) * input.dim(1);
        float[] dy = grad.data();
        float[] dx = new float[input.size()];
        float scale = 1f / (kernel * kernel);
        int out = grad.offset();
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * g.height * g.width;
            for (int oh = 0; oh < g.outHeight; oh++) {
                for (int ow = 0; ow < g.outWidth; ow++, out++) {
                    float share = dy[out] * scale;
                    for (int i = 0; i < kernel; i++) {
                        int row = base + (oh * stride + i) * g.width + ow * stride;
                        for (int j = 0; j < kernel; j++) {
                            dx[row + j] += share;
                        }
                    }
                }
            }
        }
        return Tensor.wrap(dx, input.shape());
    }
}
