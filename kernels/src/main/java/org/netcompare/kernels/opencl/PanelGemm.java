package org.netcompare.kernels.opencl;

import org.jocl.Sizeof;
import org.jocl.cl_mem;
import org.netcompare.engine.tensor.Tensor;

/**
 * {@code C = alpha op(A) op(B) + beta C} through sgemm.cl: the host packs op(A) and op(B) into
 * zero-padded panels of {@value #MR} rows and {@value #NR} columns (any strides and transposes
 * are resolved there, in O(mk + kn)), the device computes the padded product, and the host
 * applies alpha and beta while writing C through its strides (so beta = 0 never reads C).
 * Host arrays and device buffers are reused from call to call. Not thread-safe.
 */
final class PanelGemm {

    /** Rows of C per work-item (the float8 of A in sgemm.cl). */
    static final int MR = 8;
    /** Columns of C per work-item (the float16 of B in sgemm.cl). */
    static final int NR = 16;

    private final Launcher launcher;
    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    private float[] product = new float[0];

    PanelGemm(Launcher launcher) {
        this.launcher = launcher;
    }

    /** Operands already checked: op(A) m x k, op(B) k x n, C m x n, m and n positive. */
    void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta,
            Tensor c) {
        int m = c.dim(0);
        int n = c.dim(1);
        int k = transA ? a.dim(0) : a.dim(1);
        int rowPanels = (m + MR - 1) / MR;
        int columnPanels = (n + NR - 1) / NR;
        int ldc = columnPanels * NR;
        packedA = pack(a, transA, m, k, MR, rowPanels, packedA);
        packedB = pack(b, !transB, n, k, NR, columnPanels, packedB);
        int productLength = rowPanels * MR * ldc;
        if (product.length < productLength) {
            product = new float[productLength];
        }
        cl_mem da = launcher.upload(0, packedA, 0, rowPanels * MR * k);
        cl_mem db = launcher.upload(1, packedB, 0, columnPanels * NR * k);
        cl_mem dc = launcher.buffer(2, (long) productLength * Sizeof.cl_float);
        launcher.run(Program.SGEMM, "sgemm_panels", new long[] {rowPanels, columnPanels}, null,
                k, da, db, dc, ldc);
        launcher.download(dc, product, 0, productLength);
        combine(alpha, beta, c, m, n, ldc);
    }

    /**
     * Packs the rows of op(X) (m x k, op(X) = X^T when {@code transposed}) into panels of
     * {@code width} rows: {@code packed[(panel k + p) width + r] = op(X)[panel width + r, p]},
     * zero beyond row m. B is packed as the rows of op(B)^T, i.e. its columns.
     */
    private static float[] pack(Tensor x, boolean transposed, int rows, int k, int width,
            int panels, float[] reuse) {
        int length = panels * width * k;
        float[] packed = reuse.length >= length ? reuse : new float[length];
        int rowStride = transposed ? x.stride(1) : x.stride(0);
        int columnStride = transposed ? x.stride(0) : x.stride(1);
        float[] data = x.data();
        int offset = x.offset();
        // p outer, r inner: both layouts then read in cache-friendly order (r walks a row of
        // X^T's storage when it is contiguous, else `width` rows advance side by side)
        for (int panel = 0; panel < panels; panel++) {
            int first = panel * width;
            int filled = Math.min(width, rows - first);
            for (int p = 0; p < k; p++) {
                int target = (panel * k + p) * width;
                int source = offset + first * rowStride + p * columnStride;
                for (int r = 0; r < filled; r++) {
                    packed[target + r] = data[source + r * rowStride];
                }
                for (int r = filled; r < width; r++) {
                    packed[target + r] = 0f;
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
