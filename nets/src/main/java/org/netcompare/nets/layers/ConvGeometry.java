package org.netcompare.nets.layers;

import java.util.Arrays;

/**
 * Where a square k x k window with stride s and zero padding p falls on one C x H x W image, and
 * the unrolling of those windows into columns (im2col) and back (col2im) that turns a
 * convolution into one matrix product (Chellapilla, Puri, Simard, "High Performance
 * Convolutional Neural Networks for Document Processing", 2006).
 *
 * <p>A sample's columns are [C k k, Ho Wo], row (c k + i) k + j, column oh Wo + ow, holding
 * x[c, oh s - p + i, ow s - p + j] (zero outside the image); the row order is that of a PyTorch
 * conv weight [out, C, k, k] flattened to [out, C k k].
 */
final class ConvGeometry {

    final int channels;
    final int height;
    final int width;
    final int kernel;
    final int stride;
    final int padding;
    final int outHeight;
    final int outWidth;

    ConvGeometry(int channels, int height, int width, int kernel, int stride, int padding) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outHeight = Math.floorDiv(height + 2 * padding - kernel, stride) + 1;
        this.outWidth = Math.floorDiv(width + 2 * padding - kernel, stride) + 1;
    }

    /** Rows of the column matrix: C k k. */
    int patchSize() {
        return channels * kernel * kernel;
    }

    /** Columns of the column matrix: Ho Wo. */
    int positions() {
        return outHeight * outWidth;
    }

    int imageSize() {
        return channels * height * width;
    }

    /** The first output column whose kernel column j reads inside the image (w >= 0). */
    private int firstInside(int j) {
        return Math.min(outWidth, Math.max(0, ceilDiv(padding - j, stride)));
    }

    /** One past the last output column whose kernel column j reads inside the image (w < W). */
    private int endInside(int j, int first) {
        return Math.max(first, Math.min(outWidth, ceilDiv(width + padding - j, stride)));
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Fills columns {@code [column, column + Ho Wo)} of {@code cols}, a [C k k, ld] row-major
     * matrix, from the image at {@code image[offset]}; several samples can so share one column
     * matrix side by side. Every entry of those columns is written (zero padding included).
     */
    void im2col(float[] image, int offset, float[] cols, int ld, int column) {
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++, row++) {
                    int first = firstInside(j);
                    int end = endInside(j, first);
                    int base = row * ld + column;
                    for (int oh = 0; oh < outHeight; oh++) {
                        int h = oh * stride - padding + i;
                        int dst = base + oh * outWidth;
                        if (h < 0 || h >= height) {
                            Arrays.fill(cols, dst, dst + outWidth, 0f);
                            continue;
                        }
                        Arrays.fill(cols, dst, dst + first, 0f);
                        int src = plane + h * width + first * stride - padding + j;
                        if (stride == 1) {
                            System.arraycopy(image, src, cols, dst + first, end - first);
                        } else {
                            for (int ow = first; ow < end; ow++, src += stride) {
                                cols[dst + ow] = image[src];
                            }
                        }
                        Arrays.fill(cols, dst + end, dst + outWidth, 0f);
                    }
                }
            }
        }
    }

    /**
     * Adds every entry of columns {@code [column, column + Ho Wo)} of {@code cols} [C k k, ld] to
     * the pixel of the image at {@code image[offset]} it was read from (padding entries are
     * dropped).
     */
    void col2imAdd(float[] cols, int ld, int column, float[] image, int offset) {
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++, row++) {
                    int first = firstInside(j);
                    int end = endInside(j, first);
                    int base = row * ld + column;
                    for (int oh = 0; oh < outHeight; oh++) {
                        int h = oh * stride - padding + i;
                        if (h < 0 || h >= height) {
                            continue;
                        }
                        int src = base + oh * outWidth;
                        int dst = plane + h * width + first * stride - padding + j;
                        for (int ow = first; ow < end; ow++, dst += stride) {
                            image[dst] += cols[src + ow];
                        }
                    }
                }
            }
        }
    }
}
