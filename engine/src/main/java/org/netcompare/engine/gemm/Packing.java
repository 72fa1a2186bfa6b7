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
        packSlivers(transA, a, offset, lda, i0, mc, p0, kc, mr, 0, (mc + mr - 1) / mr, dst);
    }

    /**
     * Packs slivers {@code [firstSliver, endSliver)} of op(B)[p0 .. p0+kc)[j0 .. j0+nc) ; sliver s
     * holds {@code dst[s * nr * kc + p * nr + j] = op(B)[p0 + p][j0 + s * nr + j]}.
     *
     * @param transB when true B is stored n x k, so op(B)[p][j] = b[offset + j * ldb + p]
     */
    static void packB(boolean transB, float[] b, int offset, int ldb, int p0, int kc, int j0,
            int nc, int nr, int firstSliver, int endSliver, float[] dst) {
        packSlivers(!transB, b, offset, ldb, j0, nc, p0, kc, nr, firstSliver, endSliver, dst);
    }

    /**
     * Both packings at once: slivers {@code [firstSliver, endSliver)} of {@code width} lines
     * each, out of lines {@code [first, first + size)} of depth {@code [p0, p0 + kc)}, where
     * entry (line t, depth p) is stored at {@code x[offset + p * ld + t]} when
     * {@code linesContiguous} (rows of A^T, rows of B) and at {@code x[offset + t * ld + p]}
     * otherwise. Sliver s holds {@code dst[s * width * kc + p * width + line]}, short edge
     * slivers padded with zeros.
     */
    private static void packSlivers(boolean linesContiguous, float[] x, int offset, int ld,
            int first, int size, int p0, int kc, int width, int firstSliver, int endSliver,
            float[] dst) {
        for (int s = firstSliver; s < endSliver; s++) {
            int lines = Math.min(width, size - s * width);
            int base = s * width * kc;
            int firstLine = first + s * width;
            if (lines < width) {
                Arrays.fill(dst, base, base + width * kc, 0f);
            }
            if (linesContiguous) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(x, offset + (p0 + p) * ld + firstLine, dst, base + p * width,
                            lines);
                }
            } else {
                for (int t = 0; t < lines; t++) {
                    int src = offset + (firstLine + t) * ld + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * width + t] = x[src + p];
                    }
                }
            }
        }
    }
}
