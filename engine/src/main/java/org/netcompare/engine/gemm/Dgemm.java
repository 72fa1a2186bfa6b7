package org.netcompare.engine.gemm;

import java.util.Arrays;
import org.netcompare.engine.parallel.Parallelism;
import org.netcompare.engine.simd.VectorSupport;

/**
 * Double-precision matrix product for {@link org.netcompare.engine.linalg.Matrix}:
 * {@code C = op(A) B}, all row-major and contiguous, op(A) = A or A^T.
 *
 * <p>The same Goto and van de Geijn blocking as {@link Sgemm} (ACM TOMS 34(3), 2008, sections
 * 4-5): per KC-deep step the KC x NC panel of B is packed once, then tasks of the shared
 * {@link TaskGrid} pack their MC-row block of op(A) and sweep register tiles of C. The loop is
 * kept as its own short class rather than made generic over float and double: Java generics
 * cannot range over primitive arrays, and an interface over the array type would put a megamorphic
 * call inside the packing loops of Sgemm. Only the shapes {@code Matrix} needs are offered (no
 * strides, alpha, beta or transposed B), which keeps this float64 version to one screen.
 *
 * <p>KC is 256: a KC x MC block of doubles then takes the 384 KiB of L2 that Sgemm's float block
 * takes. Each element of C is the sum of the same FMA chains over the same KC steps whatever the
 * thread count, so results do not depend on {@link Parallelism#threads()}, bit for bit; the Vector
 * API kernel and the scalar one (chosen by {@link VectorSupport}, forced with
 * {@code -Dnetcompare.gemm.scalar=true} as for Sgemm) round identically too.
 */
public final class Dgemm {

    private static final int KC = 256;
    /** Products with fewer multiply-adds per KC step run on the calling thread (see Blocking). */
    private static final long PARALLEL_STEP_WORK = 128L * 128 * KC;

    private static final DoubleKernel SCALAR = new ScalarDoubleKernel();
    private static final DoubleKernel VECTOR = VectorSupport.link(() -> new VectorDoubleKernel());
    private static final DoubleKernel ACTIVE =
            VectorSupport.choose("netcompare.gemm.scalar", () -> VECTOR, () -> SCALAR);

    private Dgemm() {
    }

    /**
     * Overwrites C (m x n) with op(A) B; C is not read.
     *
     * @param transA when true A is stored k x m and op(A) = A^T, else A is stored m x k
     * @param b      k x n
     * @throws IllegalArgumentException for a negative size or an array whose length is not the
     *                                  product of its sizes
     */
    public static void multiply(boolean transA, int m, int n, int k, double[] a, double[] b,
            double[] c) {
        multiply(ACTIVE, transA, m, n, k, a, b, c);
    }

    /** {@code "vector (512-bit)"} or similar for the Vector API path, {@code "scalar"} else. */
    public static String implementation() {
        return ACTIVE == VECTOR && VECTOR != null
                ? "vector (" + VectorDoubleKernel.bits() + "-bit)" : "scalar";
    }

    /** The Vector API kernel, or null when this JVM cannot run it. */
    static DoubleKernel vectorKernel() {
        return VECTOR;
    }

    /** The plain-Java kernel. */
    static DoubleKernel scalarKernel() {
        return SCALAR;
    }

    /** {@link #multiply} with an explicit kernel, so tests can run both paths in one JVM. */
    static void multiply(DoubleKernel kernel, boolean transA, int m, int n, int k, double[] a,
            double[] b, double[] c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(
                    "sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
        }
        checkLength("A", a, (long) m * k);
        checkLength("B", b, (long) k * n);
        checkLength("C", c, (long) m * n);
        if (k == 0) {
            Arrays.fill(c, 0);
            return;
        }
        if (m == 0 || n == 0) {
            return;
        }
        int mr = kernel.mr();
        int nr = kernel.nr();
        int threads = (long) m * n * Math.min(k, KC) < PARALLEL_STEP_WORK
                ? 1 : Parallelism.threads();
        int panelSlivers = (Math.min(Blocking.NC, n) + nr - 1) / nr;
        double[] packedB = Workspace.current().packedDoubleB(Math.min(KC, k) * panelSlivers * nr);
        TaskGrid grid = TaskGrid.plan(m, panelSlivers, mr, threads);
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            int nc = Math.min(Blocking.NC, n - jc);
            int slivers = (nc + nr - 1) / nr;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                int jcNow = jc;
                int pcNow = pc;
                int packTasks = Math.min(threads, slivers);
                BlockedGemm.run(threads, packTasks, t -> packB(b, n, pcNow, kc, jcNow, nc, nr,
                        t * slivers / packTasks, (t + 1) * slivers / packTasks, packedB));
                BlockedGemm.run(threads, grid.tasks(), t -> {
                    int rowStart = grid.rowStart(t);
                    int rows = Math.min(grid.rowsPerBlock(), m - rowStart);
                    int firstSliver = grid.firstSliver(t);
                    int endSliver = Math.min(slivers, firstSliver + grid.sliversPerChunk());
                    if (rows <= 0 || firstSliver >= endSliver) {
                        return;
                    }
                    Workspace workspace = Workspace.current();
                    double[] packedA =
                            workspace.packedDoubleA(BlockedGemm.roundUp(rows, mr) * kc);
                    packA(transA, a, transA ? m : k, rowStart, rows, pcNow, kc, mr, packedA);
                    double[] tile = workspace.doubleTile(mr * nr);
                    for (int s = firstSliver; s < endSliver; s++) {
                        int cols = Math.min(nr, nc - s * nr);
                        for (int ir = 0; ir < rows; ir += mr) {
                            kernel.multiply(kc, packedA, ir * kc, packedB, s * nr * kc, tile);
                            store(tile, nr, Math.min(mr, rows - ir), cols, pcNow == 0, c,
                                    (rowStart + ir) * n + jcNow + s * nr, n);
                        }
                    }
                });
            }
        }
    }

    /** C tile = the sums on the first KC step, C tile += the sums on later ones. */
    private static void store(double[] tile, int nr, int rows, int cols, boolean first,
            double[] c, int cIndex, int ldc) {
        for (int r = 0; r < rows; r++) {
            int row = cIndex + r * ldc;
            for (int j = 0; j < cols; j++) {
                c[row + j] = first ? tile[r * nr + j] : c[row + j] + tile[r * nr + j];
            }
        }
    }

    /**
     * Packs op(A)[i0 .. i0+mc)[p0 .. p0+kc) as MR-row slivers, {@code dst[s * mr * kc + p * mr +
     * r] = op(A)[i0 + s * mr + r][p0 + p]}, short slivers padded with zeros.
     */
    private static void packA(boolean transA, double[] a, int lda, int i0, int mc, int p0, int kc,
            int mr, double[] dst) {
        for (int s = 0; s * mr < mc; s++) {
            int rows = Math.min(mr, mc - s * mr);
            int base = s * mr * kc;
            int firstRow = i0 + s * mr;
            if (rows < mr) {
                Arrays.fill(dst, base, base + mr * kc, 0);
            }
            for (int p = 0; p < kc; p++) {
                if (transA) {
                    System.arraycopy(a, (p0 + p) * lda + firstRow, dst, base + p * mr, rows);
                } else {
                    for (int r = 0; r < rows; r++) {
                        dst[base + p * mr + r] = a[(firstRow + r) * lda + p0 + p];
                    }
                }
            }
        }
    }

    /**
     * Packs slivers [firstSliver, endSliver) of B[p0 .. p0+kc)[j0 .. j0+nc) as NR-column slivers,
     * {@code dst[s * nr * kc + p * nr + j] = B[p0 + p][j0 + s * nr + j]}, short ones zero-padded.
     */
    private static void packB(double[] b, int ldb, int p0, int kc, int j0, int nc, int nr,
            int firstSliver, int endSliver, double[] dst) {
        for (int s = firstSliver; s < endSliver; s++) {
            int cols = Math.min(nr, nc - s * nr);
            int base = s * nr * kc;
            if (cols < nr) {
                Arrays.fill(dst, base, base + nr * kc, 0);
            }
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (p0 + p) * ldb + j0 + s * nr, dst, base + p * nr, cols);
            }
        }
    }

    private static void checkLength(String name, double[] array, long expected) {
        if (array == null) {
            throw new IllegalArgumentException("matrix " + name + " is null");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException("matrix " + name + " needs " + expected
                    + " elements, array has " + array.length);
        }
    }
}
