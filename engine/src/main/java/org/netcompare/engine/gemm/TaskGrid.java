package org.netcompare.engine.gemm;

/**
 * How one rank-KC step is cut into tasks: blocks of rows of C (a multiple of the kernel's MR, at
 * most about {@link Blocking#MC}) times chunks of B slivers. The number of tasks is a multiple of
 * the thread count where the rows allow it, so no core idles at the end of a step; when there are
 * too few rows the columns are split instead.
 *
 * @param tasks           number of tasks, row block major
 * @param rowsPerBlock    rows of C per task (the last block may be shorter)
 * @param columnChunks    chunks of slivers per row block
 * @param sliversPerChunk B slivers per chunk (the last chunk may be shorter)
 */
record TaskGrid(int tasks, int rowsPerBlock, int columnChunks, int sliversPerChunk) {

    /**
     * @param m       rows of C
     * @param slivers NR-wide slivers in the widest B panel
     * @param mr      rows of the register tile
     * @param threads threads to keep busy
     */
    static TaskGrid plan(int m, int slivers, int mr, int threads) {
        int rowSlivers = (m + mr - 1) / mr;
        int wanted = BlockedGemm.roundUp((m + Blocking.MC - 1) / Blocking.MC, threads);
        int rowBlocks = Math.min(rowSlivers, wanted);
        int rowsPerBlock = BlockedGemm.roundUp((m + rowBlocks - 1) / rowBlocks, mr);
        rowBlocks = (m + rowsPerBlock - 1) / rowsPerBlock;
        int columnChunks = rowBlocks % threads == 0 ? 1 : Math.min(slivers, threads);
        int sliversPerChunk = (slivers + columnChunks - 1) / columnChunks;
        columnChunks = (slivers + sliversPerChunk - 1) / sliversPerChunk;
        return new TaskGrid(rowBlocks * columnChunks, rowsPerBlock, columnChunks, sliversPerChunk);
    }

    int rowStart(int task) {
        return task / columnChunks * rowsPerBlock;
    }

    int firstSliver(int task) {
        return task % columnChunks * sliversPerChunk;
    }
}
