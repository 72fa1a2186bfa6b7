package org.netcompare.analysis.similarity;

import org.netcompare.engine.gemm.Sgemm;
import org.netcompare.engine.parallel.Parallelism;

/**
 * The Gaussian kernel matrix {@code K_ij = exp(-|x_i - x_j|^2 / (2 f^2 m))} of n centred
 * samples, m the median squared distance over the {@code n (n - 1) / 2} pairs of distinct
 * samples (Kornblith et al.'s code takes the median of the whole n x n matrix, zero diagonal
 * included, which differs by O(1/n)), stored as n x n float32 with its row means in float64,
 * for RBF CKA.
 *
 * <p>Squared distances come from the float32 Gram matrix ({@link Sgemm}) of the centred data as
 * {@code |x_i|^2 + |x_j|^2 - 2 x_i.x_j} with the squared lengths in float64; centring first
 * keeps the cancellation small. The upper triangle is computed and mirrored, so K is exactly
 * symmetric. HSIC sums ({@link #centredInner}) are accumulated in float64.
 */
final class RbfKernel {

    /** Share of the maximum heap the kernels may take. */
    private static final double HEAP_SHARE = 0.5;

    private final int n;
    private final float[] kernel;
    private final double[] rowMeans;
    private final double grandMean;

    private RbfKernel(int n, float[] kernel, double[] rowMeans, double grandMean) {
        this.n = n;
        this.kernel = kernel;
        this.rowMeans = rowMeans;
        this.grandMean = grandMean;
    }

    /**
     * Bytes RBF CKA of n samples allocates at its peak: two n x n float32 kernels and the
     * float32 upper triangle that the median is selected from.
     */
    static long bytesNeeded(int n) {
        long square = (long) n * n;
        return 2 * square * Float.BYTES + square / 2 * Float.BYTES;
    }

    /** Refuses, before allocating, a sample count whose kernels do not fit the heap. */
    static void checkFits(int n) {
        long limit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
        long needed = bytesNeeded(n);
        if (needed > limit || (long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(
                    "RBF CKA of %d samples needs %.1f GiB for two %d x %d kernels but the heap"
                            + " allows %.1f GiB; use fewer samples or raise the heap"
                            + " (JAVA_OPTS=-Xmx...)",
                    n, needed / 1073741824.0, n, n, limit / 1073741824.0));
        }
    }

    static RbfKernel of(CentredSamples samples, double fraction, String name) {
        int n = samples.samples();
        int d = samples.features();
        float[] k = new float[n * n];
        float[] x = samples.values();
        Sgemm.gemm(false, true, n, n, d, 1f, x, 0, d, x, 0, d, 0f, k, 0, n);
        double[] lengths = samples.rowSquaredNorms();
        Parallelism.forEach(n, i -> {
            k[i * n + i] = 0;
            for (int j = i + 1; j < n; j++) {
                double distance = lengths[i] + lengths[j] - 2.0 * k[i * n + j];
                k[i * n + j] = (float) Math.max(0, distance);
            }
        });
        double median = medianAboveDiagonal(k, n);
        if (!(median > 0)) {
            throw new IllegalArgumentException(name + ": the median distance between samples is"
                    + " 0 (most samples coincide); the RBF bandwidth is undefined");
        }
        double scale = -1 / (2 * fraction * fraction * median);
        Parallelism.forEach(n, i -> {
            k[i * n + i] = 1;
            for (int j = i + 1; j < n; j++) {
                float value = (float) Math.exp(scale * k[i * n + j]);
                k[i * n + j] = value;
                k[j * n + i] = value;
            }
        });
        double[] rowMeans = new double[n];
        Parallelism.forEach(n, i -> {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += k[i * n + j];
            }
            rowMeans[i] = sum / n;
        });
        double grand = 0;
        for (double mean : rowMeans) {
            grand += mean;
        }
        return new RbfKernel(n, k, rowMeans, grand / n);
    }

    private static double medianAboveDiagonal(float[] k, int n) {
        int pairs = (int) ((long) n * (n - 1) / 2);
        float[] upper = new float[pairs];
        int next = 0;
        for (int i = 0; i < n; i++) {
            int count = n - 1 - i;
            System.arraycopy(k, i * n + i + 1, upper, next, count);
            next += count;
        }
        return Median.of(upper, pairs);
    }

    /**
     * {@code <H K H, H L H>_F} with H the centring matrix, this kernel K and the other L (the
     * biased HSIC up to the factor {@code 1 / (n - 1)^2}), summed in float64 row by row.
     */
    double centredInner(RbfKernel other) {
        double[] rows = new double[n];
        Parallelism.forEach(n, i -> {
            double shiftK = grandMean - rowMeans[i];
            double shiftL = other.grandMean - other.rowMeans[i];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double centredK = kernel[i * n + j] - rowMeans[j] + shiftK;
                double centredL = other.kernel[i * n + j] - other.rowMeans[j] + shiftL;
                sum += centredK * centredL;
            }
            rows[i] = sum;
        });
        double total = 0;
        for (double row : rows) {
            total += row;
        }
        return total;
    }
}
