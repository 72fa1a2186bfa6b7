package org.netcompare.analysis.closedata;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.tensor.Tensor;

/**
 * Streams the derivative images of one original in batches {@code [b, C, H, W]} float32, in
 * the plan's order (image 0 first; every image exactly once), so only one batch is ever in
 * memory: the paper's 10,648 images of a 500 x 500 RGB picture would take 32 GB at once.
 * Each image is computed in float64 from the channel SVDs ({@link ChannelSvd#derivative}),
 * clamped to the {@link PixelRange} and rounded to float32. The images are in the same space
 * as the original, so an original already normalised for the network gives derivative images
 * the network can take as they are.
 */
public final class CloseDataGenerator implements Iterator<Tensor> {

    private final ChannelSvd svd;
    private final ZeroingPlan plan;
    private final int batchSize;
    private final PixelRange range;
    private long next;

    /**
     * @param batchSize images per batch (the last batch may be smaller), at least 1
     * @throws IllegalArgumentException if the plan is for another channel count or batchSize
     *                                  is below 1
     */
    public CloseDataGenerator(ChannelSvd svd, ZeroingPlan plan, int batchSize, PixelRange range) {
        if (plan.channels() != svd.channels()) {
            throw new IllegalArgumentException("plan for " + plan.channels()
                    + " channels but the image has " + svd.channels());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.svd = svd;
        this.plan = plan;
        this.batchSize = batchSize;
        this.range = range;
    }

    /**
     * The paper's close data of {@code image} [C, H, W]: for one channel
     * {@link SmallestSubsets} of the smallest {@code k} singular values (at most
     * {@code maxImages}, sampled with {@code seed}), otherwise {@link SmallestPerChannel} with
     * K = {@code k} (K^C images; {@code maxImages} and {@code seed} unused).
     */
    public static CloseDataGenerator of(Tensor image, int k, int maxImages, long seed,
            int batchSize, PixelRange range) {
        ChannelSvd svd = ChannelSvd.of(image);
        ZeroingPlan plan = svd.channels() == 1
                ? new SmallestSubsets(svd.rank(), k, maxImages, seed)
                : new SmallestPerChannel(svd.channels(), svd.rank(), k);
        return new CloseDataGenerator(svd, plan, batchSize, range);
    }

    /** Number of derivative images, known before any is made. */
    public long count() {
        return plan.count();
    }

    public int batchSize() {
        return batchSize;
    }

    /** Per-image shape [C, H, W]. */
    public int[] imageShape() {
        return new int[] {svd.channels(), svd.height(), svd.width()};
    }

    /** Index of the first image of the next batch. */
    public long position() {
        return next;
    }

    @Override
    public boolean hasNext() {
        return next < plan.count();
    }

    /** The next batch [b, C, H, W], b = min(batchSize, images left). */
    @Override
    public Tensor next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + plan.count() + " derivative images given");
        }
        int b = (int) Math.min(batchSize, plan.count() - next);
        long first = next;
        int channels = svd.channels();
        int plane = svd.height() * svd.width();
        float[] out = new float[b * channels * plane];
        Parallelism.forEach(b, i -> {
            double[] channel = new double[plane];
            for (int c = 0; c < channels; c++) {
                svd.derivative(c, plan.zeroed(first + i, c), channel, 0);
                int base = (i * channels + c) * plane;
                for (int p = 0; p < plane; p++) {
                    out[base + p] = (float) range.clamp(channel[p]);
                }
            }
        });
        next += b;
        return Tensor.wrap(out, b, channels, svd.height(), svd.width());
    }
}
