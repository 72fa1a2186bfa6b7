package org.netcompare.engine.gemm;

/**
 * Cache-blocking parameters of the packed GEMM (Goto and van de Geijn, "Anatomy of
 * High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008, section 4; the loop names follow
 * BLIS: Van Zee and van de Geijn, ACM TOMS 41(3), 2015, figure 2).
 *
 * <p>Sizes are in elements (floats). A packed KC x NR sliver of B stays in L1 while the
 * micro-kernel sweeps the MC x KC block of A held in L2; the KC x NC panel of B lives in L3.
 * The values were measured on a 2-core AMD EPYC (48 KiB L1d, 1 MiB L2, 32 MiB L3) with the
 * 16-lane kernel.
 */
final class Blocking {

    /** Depth of one rank-KC update: rows of a packed B panel, columns of a packed A block. */
    static final int KC = 256;

    /** Rows of C (and of the packed A block) one task updates per rank-KC step. */
    static final int MC = 192;

    /** Columns of the packed B panel shared by all tasks of one rank-KC step. */
    static final int NC = 4096;

    /**
     * Below this many multiply-adds (m * n * k) a call runs on the calling thread: splitting it
     * costs more in task hand-off than the second core gains.
     */
    static final long PARALLEL_THRESHOLD = 64L * 64 * 64;

    private Blocking() {
    }
}
