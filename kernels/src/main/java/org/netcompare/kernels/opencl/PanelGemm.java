package org.netcompare.kernels.opencl;

import org.jocl.Sizeof;
import org.jocl.cl_mem;
import org.netcompare.engine.tensor.Tensor;

/**
 * {@code C = alpha op(A) op(B) + beta C} through sgemm.cl: the host packs op(A) and op(B) into
 * zero-padded panels of {@value #MR} rows and {@value #NR} columns, chunk by chunk of {@value
 * #KC} along k (any strides and transposes are resolved there, in O(mk + kn)), the device
 * computes the padded product, and the host applies alpha and beta while writing C through its
 * strides (so beta = 0 never reads C).
 *
 * <p>{@link #gemm} is {@link #load}, {@link #multiply}, {@link #store}; the steps are public so
 * a benchmark can time the kernel alone on operands already on the device. Host arrays and
 * device buffers are reused from call to call. Not thread-safe.
 */
public final class PanelGemm implements AutoCloseable {

    /** Rows of C per work-item (the float8 of A in sgemm.cl). */
    static final int MR = 8;
    /** Columns of C per work-item (the float16 of B in sgemm.cl). */
    static final int NR = 16;
    /**
     * Length of the k chunks, one launch each. Measured with n = 1024 on PoCL (2 cores, load
     * about 19), median GFLOPS of 30 kernel runs: 128 gave 97-146, 256 36-58, 512 36, and the
     * unchunked kernel 31-34; at 128 the A and B chunks (1024 x 128 floats each, 512 KiB)
     * stay in the level-2 cache.
     */
    static final int KC = 128;

    private final Launcher launcher;
    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private float[] product = new float[0];
    private cl_mem deviceA;
    private cl_mem deviceB;
    private cl_mem deviceProduct;
    private int m;
    private int n;
    private int k;
    private int rowPanels;
    private int columnPanels;

    /** Runs on {@code context}, with device buffers of its own. */
    public PanelGemm(OpenClContext context) {
        this.launcher = new Launcher(context);
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C}; operands as {@link
     * org.netcompare.engine.compute.Backend#gemm}, already checked, C not a broadcast view.
     */
    public void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b,
            float beta, Tensor c) {
        if (c.dim(0) == 0 || c.dim(1) == 0) {
            return;
        }
        load(transA, transB, a, b);
        multiply();
        store(alpha, beta, c);
    }

    /** Packs op(A) (m x k) and op(B) (k x n) and uploads them. */
    public void load(boolean transA, boolean transB, Tensor a, Tensor b) {
        m = transA ? a.dim(1) : a.dim(0);
        k = transA ? a.dim(0) : a.dim(1);
        n = transB ? b.dim(0) : b.dim(1);
        rowPanels = (m + MR - 1) / MR;
        columnPanels = (n + NR - 1) / NR;
        packedA = pack(a, transA, m, k, MR, rowPanels, packedA);
        packedB = pack(b, !transB, n, k, NR, columnPanels, packedB);
        deviceA = launcher.upload(0, packedA, 0, rowPanels * MR * k);
        deviceB = launcher.upload(1, packedB, 0, columnPanels * NR * k);
    }

    /** Computes the padded product of the loaded operands on the device and waits for it. */
    public void multiply() {
        int ldc = columnPanels * NR;
        deviceProduct = launcher.buffer(2, (long) rowPanels * MR * ldc * Sizeof.cl_float);
        // one launch even for k = 0, so that chunk 0 writes the zero product
        int chunks = Math.max(1, (k + KC - 1) / KC);
        for (int chunk = 0; chunk < chunks; chunk++) {
            launcher.run(Program.SGEMM, "sgemm_panels", new long[] {rowPanels, columnPanels},
                    KC, chunk, Math.min(KC, k - chunk * KC), rowPanels, columnPanels,
                    deviceA, deviceB, deviceProduct, ldc);
        }
        launcher.finish();
    }

    /** Downloads the product and writes {@code C = alpha op(A) op(B) + beta C} (C m x n). */
    public void store(float alpha, float beta, Tensor c) {
        int ldc = columnPanels * NR;
        int productLength = rowPanels * MR * ldc;
        if (product.length < productLength) {
            product = new float[productLength];
        }
        launcher.download(deviceProduct, product, 0, productLength);
        combine(alpha, beta, c, m, n, ldc);
    }

    @Override
    public void close() {
        launcher.close();
    }

    /**
     * Packs the rows of op(X) (m x k, op(X) = X^T when {@code transposed}) into panels of
     * {@code width} rows, chunk by chunk of {@link #KC} along k, in sgemm.cl's layout: chunk q
     * (length L) holds panel i from {@code (q KC panels + i L) width}, p-major, zero beyond row
     * m. B is packed as the rows of op(B)^T, i.e. its columns.
     */
    private static float[] pack(Tensor x, boolean transposed, int rows, int k, int width,
            int panels, float[] reuse) {
        int length = panels * width * k;
        float[] packed = reuse.length >= length ? reuse : new float[length];
        int rowStride = transposed ? x.stride(1) : x.stride(0);
        int columnStride = transposed ? x.stride(0) : x.stride(1);
        float[] data = x.data();
        int offset = x.offset();
        for (int start = 0; start < k; start += KC) {
            int chunkLength = Math.min(KC, k - start);
            for (int panel = 0; panel < panels; panel++) {
                int first = panel * width;
                int filled = Math.min(width, rows - first);
                int base = (start * panels + panel * chunkLength) * width;
                // p outer, r inner: both layouts then read in cache-friendly order (r walks a
                // row of the storage when it is contiguous, else `width` rows advance together)
                for (int p = 0; p < chunkLength; p++) {
                    int target = base + p * width;
                    int source = offset + first * rowStride + (start + p) * columnStride;
                    for (int r = 0; r < filled; r++) {
                        packed[target + r] = data[source + r * rowStride];
                    }
                    for (int r = filled; r < width; r++) {
                        packed[target + r] = 0f;
                    }
                }
            }
        }
        return packed;
    }

    /** C = alpha P + beta C through C's strides, P the padded product (leading dimension ldc). */
    private void combine(float alpha, float beta, Tensor c, int m, int n, int ldc) {
        float[] data = c.data();
        int rowStride = c.stride(0);
        int columnStride = c.stride(1);
        for (int i = 0; i < m; i++) {
            int target = c.offset() + i * rowStride;
            int source = i * ldc;
            for (int j = 0; j < n; j++) {
                int at = target + j * columnStride;
                float scaled = alpha * product[source + j];
                data[at] = beta == 0f ? scaled : scaled + beta * data[at];
            }
        }
    }
}
