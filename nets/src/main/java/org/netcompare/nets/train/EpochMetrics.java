package org.netcompare.nets.train;

/**
 * What one epoch of training gave: the mean training loss and the accuracy on the training
 * batches as they were seen (training mode, weights changing), the test accuracy afterwards (eval
 * mode), and the epoch's wall-clock seconds (training and evaluation).
 *
 * @param epoch 0-based
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy,
        double testAccuracy, double seconds) {
}
