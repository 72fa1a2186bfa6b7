package org.netcompare.nets.train;

import java.util.Locale;

/**
 * A training recipe: optimiser and its hyperparameters, step schedule, batch size, epochs and
 * seed. The seed fixes the initial weights, the shuffling of every epoch and the dropout masks.
 *
 * @param optimizer   "sgd" ({@link Sgd} with {@code momentum}) or "adam" ({@link Adam} with
 *                    PyTorch's betas 0.9, 0.999 and eps 1e-8; {@code momentum} unused)
 * @param stepSize    epochs between learning-rate decays ({@link StepSchedule})
 * @param gamma       factor of each decay
 */
public record TrainingSettings(String optimizer, double learningRate, double momentum,
        double weightDecay, int batchSize, int epochs, int stepSize, double gamma, long seed) {

    public static final String SGD = "sgd";
    public static final String ADAM = "adam";

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public TrainingSettings {
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        if (!optimizer.equals(SGD) && !optimizer.equals(ADAM)) {
            throw new IllegalArgumentException("unknown optimizer '" + optimizer
                    + "'; known: sgd, adam");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        optimizerOf(optimizer, learningRate, momentum, weightDecay);
        new StepSchedule(stepSize, gamma);
    }

    /** A fresh optimiser of this recipe, at the base learning rate and without state. */
    public Optimizer newOptimizer() {
        return optimizerOf(optimizer, learningRate, momentum, weightDecay);
    }

    private static Optimizer optimizerOf(String kind, double learningRate, double momentum,
            double weightDecay) {
        return kind.equals(SGD) ? new Sgd(learningRate, momentum, weightDecay)
                : new Adam(learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    public StepSchedule schedule() {
        return new StepSchedule(stepSize, gamma);
    }

    /** The same recipe for another number of epochs (to extend a resumed run). */
    public TrainingSettings withEpochs(int count) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, batchSize,
                count, stepSize, gamma, seed);
    }
}
