package org.netcompare.engine.gemm;

import java.util.function.IntConsumer;
import org.netcompare.engine.parallel.Parallelism;

/**
 * The five loops around the micro-kernel (Goto and van de Geijn 2008, section 4; BLIS loop
 * order, Van Zee and van de Geijn 2015, figure 2): for each NC-wide column panel, for each
 * KC-deep rank update, pack the KC x NC panel of op(B) once (split over the threads), then let
 * every task pack its own block of op(A) rows and sweep its tiles of C.
 *
 * <p>Tasks own disjoint rectangles of C, so there are no shared writes. Every element of C is
 * computed by the same kernel over the same KC steps whatever the task split or thread count,
 * so a multithreaded result equals the single-threaded one bit for bit.
 */
final class BlockedGemm {

    private BlockedGemm() {
    }

    /** {@code C = alpha * op(A) op(B) + beta * C} for validated arguments with m, n, k > 0. */
    static void multiply(MicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
            float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
            float beta, float[] c, int cOffset, int ldc) {
        int mr = kernel.mr();
        int nr = kernel.nr();
        long stepWork = (long) m * n * Math.min(k, Blocking.KC);
        int threads = stepWork < Blocking.PARALLEL_STEP_WORK ? 1 : Parallelism.threads();
        int panelWidth = Math.min(Blocking.NC, n);
        int kcMax = Math.min(Blocking.KC, k);
        float[] packedB = Workspace.current().packedB(kcMax * roundUp(panelWidth, nr));
        TaskGrid grid = TaskGrid.plan(m, roundUp(panelWidth, nr) / nr, mr, threads);
        for (int jc = 0; jc < n; jc += Blocking.NC) {
            int nc = Math.min(Blocking.NC, n - jc);
            int slivers = (nc + nr - 1) / nr;
            for (int pc = 0; pc < k; pc += Blocking.KC) {
                int kc = Math.min(Blocking.KC, k - pc);
                float betaStep = pc == 0 ? beta : 1f;
                int jcNow = jc;
                int pcNow = pc;
                int packTasks = Math.min(threads, slivers);
                run(threads, packTasks, t -> Packing.packB(transB, b, bOffset, ldb, pcNow,
                        kc, jcNow, nc, nr, t * slivers / packTasks, (t + 1) * slivers / packTasks,
                        packedB));
                run(threads, grid.tasks(), t -> {
                    int rowStart = grid.rowStart(t);
                    int rows = Math.min(grid.rowsPerBlock(), m - rowStart);
                    int firstSliver = grid.firstSliver(t);
                    int endSliver = Math.min(slivers, firstSliver + grid.sliversPerChunk());
                    if (rows <= 0 || firstSliver >= endSliver) {
                        return;
                    }
                    Workspace workspace = Workspace.current();
                    float[] packedA = workspace.packedA(roundUp(rows, mr) * kc);
                    Packing.packA(transA, a, aOffset, lda, rowStart, rows, pcNow, kc, mr,
                            packedA);
                    sweep(kernel, kc, packedA, rows, packedB, jcNow, nc, firstSliver, endSliver,
                            alpha, betaStep, c, cOffset + rowStart * ldc, ldc, workspace);
                });
            }
        }
    }

    /**
     * Multiplies one packed block of A ({@code rows} x kc) with B slivers [firstSliver,
     * endSliver) of the packed panel starting at column jc, tile by tile through the scratch
     * tile; the zero padding of the packed slivers lets edge tiles use the full kernel.
     */
    private static void sweep(MicroKernel kernel, int kc, float[] packedA, int rows,
            float[] packedB, int jc, int nc, int firstSliver, int endSliver, float alpha,
            float beta, float[] c, int cRowStart, int ldc, Workspace workspace) {
        int mr = kernel.mr();
        int nr = kernel.nr();
        float[] tile = workspace.tile(mr * nr);
        for (int s = firstSliver; s < endSliver; s++) {
            int cols = Math.min(nr, nc - s * nr);
            int bIndex = s * nr * kc;
            for (int ir = 0; ir < rows; ir += mr) {
                kernel.multiply(kc, packedA, ir * kc, packedB, bIndex, tile);
                kernel.update(tile, Math.min(mr, rows - ir), cols, alpha, beta, c,
                        cRowStart + ir * ldc + jc + s * nr, ldc);
            }
        }
    }

    /** Runs the tasks on the pool, or inline on this thread for a single-threaded call. */
    static void run(int threads, int count, IntConsumer task) {
        if (threads == 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        } else {
            Parallelism.forEach(count, task);
        }
    }

    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
