package org.netcompare.engine.gemm;

import java.util.Arrays;

/**
 * Copies blocks of op(A) and op(B) into the contiguous sliver layouts the micro-kernel streams
 * through (Goto and van de Geijn 2008, section 5.2). The transpose flags are resolved here, so
 * the kernel sees one layout for all four combinations; slivers at the matrix edge are padded with
 * zeros to full MR rows or NR columns, which leaves the sums of the real elements unchanged.
 */
final class Packing {

    private Packing() {
    }

    /**
     * Packs op(A)[i0 .. i0+mc)[p0 .. p0+kc) as ceil(mc / mr) slivers; sliver s holds
     * {@code dst[s * mr * kc + p * mr + r] = op(A)[i0 + s * mr + r][p0 + p]}.
     *
     * @param transA when true A is stored k x m, so op(A)[i][p] = a[offset + p * lda + i]
     */
    static void packA(boolean transA, float[] a, int offset, int lda, int i0, int mc, int p0,
            int kc, int mr, float[] dst) {
        for (int s = 0; s * mr < mc; s++) {
            int rows = Math.min(mr, mc - s * mr);
            int base = s * mr * kc;
            int firstRow = i0 + s * mr;
            if (rows < mr) {
                Arrays.fill(dst, base, base + mr * kc, 0f);
            }
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, offset + (p0 + p) * lda + firstRow, dst, base + p * mr,
                            rows);
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = offset + (firstRow + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * mr + r] = a[src + p];
                    }
                }
            }
        }
    }

    /**
     * Packs slivers {@code [firstSliver, endSliver)} of op(B)[p0 .. p0+kc)[j0 .. j0+nc) ; sliver s
     * holds {@code dst[s * nr * kc + p * nr + j] = op(B)[p0 + p][j0 + s * nr + j]}.
     *
     * @param transB when true B is stored n x k, so op(B)[p][j] = b[offset + j * ldb + p]
     */
    static void packB(boolean transB, float[] b, int offset, int ldb, int p0, int kc, int j0,
            int nc, int nr, int firstSliver, int endSliver, float[] dst) {
        for (int s = firstSliver; s < endSliver; s++) {
            int cols = Math.min(nr, nc - s * nr);
            int base = s * nr * kc;
            int firstCol = j0 + s * nr;
            if (cols < nr) {
                Arrays.fill(dst, base, base + nr * kc, 0f);
            }
            if (transB) {
                for (int j = 0; j < cols; j++) {
                    int src = offset + (firstCol + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * nr + j] = b[src + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, offset + (p0 + p) * ldb + firstCol, dst, base + p * nr,
                            cols);
                }
            }
        }
    }
}
