package org.netcompare.nets.data;

import org.netcompare.engine.tensor.Tensor;

/**
 * One mini-batch: {@code images} {@code [b, c, h, w]} (a contiguous copy), their
 * {@code labels} {@code [b]}, and the {@code indices} {@code [b]} of those images in the dataset
 * the batch was drawn from.
 */
public record Batch(Tensor images, int[] labels, int[] indices) {

    /** Number of images in the batch. */
    public int size() {
        return labels.length;
    }
}
