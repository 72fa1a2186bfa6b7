package org.netcompare.nets.train;

/** Called after every training batch, e.g. to draw a progress line. */
@FunctionalInterface
public interface TrainingProgress {

    /** Reports nothing. */
    TrainingProgress NONE = (epoch, batch, batches, loss, accuracy, samplesPerSecond) -> { };

    /**
     * @param epoch            0-based
     * @param batch            batches done in this epoch, 1 .. batches
     * @param loss             mean loss over the epoch's batches so far
     * @param accuracy         fraction of the epoch's samples so far classified right
     * @param samplesPerSecond training throughput over the epoch so far
     */
    void batchDone(int epoch, int batch, int batches, double loss, double accuracy,
            double samplesPerSecond);
}
