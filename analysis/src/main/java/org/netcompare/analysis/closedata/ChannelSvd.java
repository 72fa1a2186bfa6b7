package org.netcompare.analysis.closedata;

import java.util.Arrays;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Svd;
import org.netcompare.engine.tensor.Tensor;

/**
 * The float64 thin SVD of every channel of one image {@code [C, H, W]}: channel c is the
 * H x W matrix {@code I_c = U_c diag(s_c) V_c^T} with r = min(H, W) singular values, largest
 * first (Yu, Long and Hopcroft, "Curvature-based Comparison of Two Neural Networks", 2018,
 * Definition 4). A derivative image keeps U and V and sets some singular values to zero.
 */
public final class ChannelSvd {

    private final int channels;
    private final int height;
    private final int width;
    private final int rank;
    private final double[][] pixels;
    private final double[][] singularValues;
    private final Matrix[] u;
    private final Matrix[] vTransposed;

    private ChannelSvd(int channels, int height, int width) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.rank = Math.min(height, width);
        this.pixels = new double[channels][];
        this.singularValues = new double[channels][];
        this.u = new Matrix[channels];
        this.vTransposed = new Matrix[channels];
    }

    /**
     * Decomposes every channel of {@code image}.
     *
     * @param image {@code [C, H, W]} float32, any layout; converted to float64
     * @throws IllegalArgumentException if the image is not rank 3, is empty or holds NaN or
     *                                  infinity
     */
    public static ChannelSvd of(Tensor image) {
        if (image.rank() != 3 || image.size() == 0) {
            throw new IllegalArgumentException("an image must be a non-empty [C, H, W], got "
                    + Arrays.toString(image.shape()));
        }
        ChannelSvd result = new ChannelSvd(image.dim(0), image.dim(1), image.dim(2));
        float[] values = image.toArray();
        int plane = result.height * result.width;
        Svd svd = new Svd(true, true, false);
        for (int c = 0; c < result.channels; c++) {
            double[] channel = new double[plane];
            for (int i = 0; i < plane; i++) {
                channel[i] = values[c * plane + i];
            }
            svd.decompose(Matrix.wrap(result.height, result.width, channel));
            result.pixels[c] = channel;
            result.singularValues[c] = svd.singularValues();
            result.u[c] = svd.getU();
            result.vTransposed[c] = svd.getV().transpose();
        }
        return result;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** min(H, W): the number of singular values of each channel. */
    public int rank() {
        return rank;
    }

    /** Singular values of {@code channel}, largest first, [min(H, W)]. */
    public double[] singularValues(int channel) {
        return singularValues[channel].clone();
    }

    /** Left singular vectors of {@code channel} as columns, H x min(H, W). */
    public Matrix u(int channel) {
        return u[channel].copy();
    }

    /** Right singular vectors of {@code channel} as columns, W x min(H, W). */
    public Matrix v(int channel) {
        return vTransposed[channel].transpose();
    }

    /**
     * Writes channel {@code channel} with the singular values at {@code zeroed} (indices into
     * {@link #singularValues}, 0 = largest) set to zero, {@code I - sum_i s_i u_i v_i^T} over
     * the zeroed i: H W |zeroed| multiply-adds, and exactly the original when nothing is zeroed.
     *
     * @param out receives H x W values row-major from {@code offset}
     */
    public void derivative(int channel, int[] zeroed, double[] out, int offset) {
        int plane = height * width;
        System.arraycopy(pixels[channel], 0, out, offset, plane);
        double[] s = singularValues[channel];
        double[] left = u[channel].data();
        double[] right = vTransposed[channel].data();
        for (int h = 0; h < height; h++) {
            int row = offset + h * width;
            for (int i : zeroed) {
                double a = s[i] * left[h * rank + i];
                int vRow = i * width;
                for (int w = 0; w < width; w++) {
                    out[row + w] -= a * right[vRow + w];
                }
            }
        }
    }
}
