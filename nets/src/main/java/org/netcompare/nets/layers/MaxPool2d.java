package org.netcompare.nets.layers;

import org.netcompare.engine.tensor.Tensor;

/**
 * Max pooling, PyTorch's {@code nn.MaxPool2d(kernel, stride)} without padding.
 *
 * <pre>
 * input  x [N, C, H, W]
 * output y [N, C, Ho, Wo], Ho = floor((H - k) / s) + 1: the maximum of each k x k window
 * backward: dx[argmax of the window] += dy (the first maximum in row-major order on ties)
 * </pre>
 */
public final class MaxPool2d extends Pooling {

    private int[] argmax;

    public MaxPool2d(String name, int kernel, int stride) {
        super(name, kernel, stride);
    }

    @Override
    public Tensor forward(Tensor in, boolean training) {
        Tensor x = begin(in);
        ConvGeometry g = geometry;
        int planes = x.dim(0) * x.dim(1);
        int planeIn = g.height * g.width;
        int planeOut = g.positions();
        float[] xs = x.data();
        int offset = x.offset();
        float[] y = new float[planes * planeOut];
        int[] where = new int[y.length];
        Ranges.forEach(planes, planeIn, (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int base = plane * planeIn;
                int out = plane * planeOut;
                for (int oh = 0; oh < g.outHeight; oh++) {
                    for (int ow = 0; ow < g.outWidth; ow++, out++) {
                        int best = base + oh * stride * g.width + ow * stride;
                        float max = xs[offset + best];
                        for (int i = 0; i < kernel; i++) {
                            int row = base + (oh * stride + i) * g.width + ow * stride;
                            for (int j = 0; j < kernel; j++) {
                                float v = xs[offset + row + j];
                                if (v > max) {
                                    max = v;
                                    best = row + j;
                                }
                            }
                        }
                        y[out] = max;
                        where[out] = best;
                    }
                }
            }
        });
        argmax = where;
        return Tensor.wrap(y, x.dim(0), x.dim(1), g.outHeight, g.outWidth);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor g = checkedGradient(gradOutput);
        float[] dy = g.data();
        float[] dx = new float[input.size()];
        for (int i = 0; i < argmax.length; i++) {
            dx[argmax[i]] += dy[g.offset() + i];
        }
        return Tensor.wrap(dx, input.shape());
    }
}
