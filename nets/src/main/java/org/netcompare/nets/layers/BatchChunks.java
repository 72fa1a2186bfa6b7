package org.netcompare.nets.layers;

import java.util.function.IntConsumer;
import org.netcompare.engine.parallel.Parallelism;

/**
 * Splits a batch into one contiguous range of samples per worker thread, so that each range can
 * own its scratch buffers and partial parameter gradients; partials are then summed in range
 * order, which keeps results independent of thread timing.
 */
final class BatchChunks {

    private final int batch;
    private final int count;

    BatchChunks(int batch) {
        this.batch = batch;
        this.count = Math.max(1, Math.min(batch, Parallelism.threads()));
    }

    int count() {
        return count;
    }

    int start(int chunk) {
        return (int) ((long) chunk * batch / count);
    }

    int end(int chunk) {
        return (int) ((long) (chunk + 1) * batch / count);
    }

    /** Runs {@code task} for every chunk, in parallel. */
    void forEach(IntConsumer task) {
        Parallelism.forEach(count, task);
    }
}
