package org.netcompare.engine.gemm;

/**
 * Cache-blocking parameters of the packed GEMM (Goto and van de Geijn, "Anatomy of
 * High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008, section 4; the loop names follow
 * BLIS: Van Zee and van de Geijn, ACM TOMS 41(3), 2015, figure 2).
 *
 * <p>Sizes are in elements (floats). The micro-kernel sweeps an MC x KC block of A held in L2
 * (384 KiB at these values) against KC x NR slivers of B from the KC x NC panel in L3; C is read
 * and written once per KC step. Measured on a 2-core AMD EPYC (48 KiB L1d, 1 MiB L2, 32 MiB L3)
 * with the 8 x 32 kernel, single-threaded: KC = 512 ran 2048^3 at about 178 GFLOP/s against 150
 * for KC = 256 (half the passes over C), 1024^3 alike; MC from 96 to 288 made no clear
 * difference.
 */
final class Blocking {

    /** Depth of one rank-KC update: rows of a packed B panel, columns of a packed A block. */
    static final int KC = 512;

    /** Rows of C (and of the packed A block) one task updates per rank-KC step, at most. */
    static final int MC = 192;

    /** Columns of the packed B panel shared by all tasks of one rank-KC step. */
    static final int NC = 4096;

    /**
     * A call runs on the calling thread when one KC step holds fewer multiply-adds than this
     * (m * n * min(k, KC)): every step ends with the threads waiting for each other, tens of
     * microseconds, about what a step of this size takes on one core. Long thin products (the
     * weight gradient of a convolution: a few rows and columns, k in the ten thousands) stay
     * single-threaded however large k is, since only rows and columns are split.
     */
    static final long PARALLEL_STEP_WORK = 128L * 128 * 512;

    private Blocking() {
    }
}
