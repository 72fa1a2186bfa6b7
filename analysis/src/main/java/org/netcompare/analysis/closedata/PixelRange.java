package org.netcompare.analysis.closedata;

/**
 * The interval derivative-image pixels are clamped to. Zeroing singular values moves pixels a
 * little outside the range of the original, e.g. below 0 for a [0, 1] image. {@link #UNBOUNDED}
 * (the default) keeps them: the network takes any float, and the distance of a derivative image
 * to the original is then exactly the Eckart-Young value {@code sqrt(sum of the zeroed s_i^2)}.
 * {@link #UNIT} clamps to [0, 1], the range of the loaders' un-normalised images, when images
 * must stay valid pictures (distances then shrink a little).
 *
 * @param low  smallest pixel value kept
 * @param high largest pixel value kept
 */
public record PixelRange(double low, double high) {

    /** No clamping. */
    public static final PixelRange UNBOUNDED = new PixelRange(Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY);

    /** [0, 1], pixels scaled by 1/255 as the dataset loaders do. */
    public static final PixelRange UNIT = new PixelRange(0, 1);

    /** @throws IllegalArgumentException unless low &lt;= high (NaN rejected) */
    public PixelRange {
        if (!(low <= high)) {
            throw new IllegalArgumentException("pixel range needs low <= high, got [" + low + ", "
                    + high + "]");
        }
    }

    /** {@code value} clamped to [low, high]. */
    public double clamp(double value) {
        return Math.max(low, Math.min(high, value));
    }
}
