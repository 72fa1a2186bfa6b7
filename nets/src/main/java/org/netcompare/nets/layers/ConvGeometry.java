package org.netcompare.nets.layers;

import java.util.Arrays;

/**
 * Where a square k x k window with stride s and zero padding p falls on one C x H x W image, and
 * the unrolling of those windows into columns (im2col) and back (col2im) that turns a
 * convolution into one matrix product (Chellapilla, Puri, Simard, "High Performance
 * Convolutional Neural Networks for Document Processing", 2006).
 *
 * <p>The column matrix is [C k k, Ho Wo], row (c k + i) k + j, column oh Wo + ow, holding
 * x[c, oh s - p + i, ow s - p + j] (zero outside the image); its row order is that of a PyTorch
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

    /** Fills {@code cols} [C k k, Ho Wo] from the image at {@code image[offset]}. */
    void im2col(float[] image, int offset, float[] cols) {
        int positions = positions();
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++, row++) {
                    int base = row * positions;
                    for (int oh = 0; oh < outHeight; oh++) {
                        int h = oh * stride - padding + i;
                        int dst = base + oh * outWidth;
                        if (h < 0 || h >= height) {
                            Arrays.fill(cols, dst, dst + outWidth, 0f);
                            continue;
                        }
                        int src = plane + h * width;
                        for (int ow = 0; ow < outWidth; ow++) {
                            int w = ow * stride - padding + j;
                            cols[dst + ow] = w < 0 || w >= width ? 0f : image[src + w];
                        }
                    }
                }
            }
        }
    }

    /** Adds every entry of {@code cols} [C k k, Ho Wo] to the image pixel it was read from. */
    void col2imAdd(float[] cols, float[] image, int offset) {
        int positions = positions();
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++, row++) {
                    int base = row * positions;
                    for (int oh = 0; oh < outHeight; oh++) {
                        int h = oh * stride - padding + i;
                        if (h < 0 || h >= height) {
                            continue;
                        }
                        int src = base + oh * outWidth;
                        int dst = plane + h * width;
                        for (int ow = 0; ow < outWidth; ow++) {
                            int w = ow * stride - padding + j;
                            if (w >= 0 && w < width) {
                                image[dst + w] += cols[src + ow];
                            }
                        }
                    }
                }
            }
        }
    }
}
