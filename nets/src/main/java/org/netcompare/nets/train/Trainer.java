package org.netcompare.nets.train;

import java.util.List;
import java.util.SplittableRandom;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.data.Batch;
import org.netcompare.nets.data.Batches;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.layers.Dropout;
import org.netcompare.nets.layers.Layer;
import org.netcompare.nets.loss.SoftmaxCrossEntropy;
import org.netcompare.nets.model.Sequential;

/**
 * Mini-batch training of a {@link Sequential} with softmax cross-entropy.
 *
 * <p>Every random choice of epoch e derives from (seed, e) alone: the shuffling and, for each
 * dropout layer, its mask sequence, reseeded at the start of the epoch. So the state after an
 * epoch is the weights, the buffers and the optimiser state, and a run resumed from a
 * {@link Checkpoint} continues bit for bit as the uninterrupted run would.
 */
public final class Trainer {

    /** Samples per evaluation forward pass; only memory depends on it. */
    private static final int EVALUATION_BATCH = 256;
    /** SplittableRandom's golden gamma, to space the per-epoch seeds apart. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Sequential model;
    private final TrainingSettings settings;
    private final Optimizer optimizer;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    /** A trainer with a fresh optimiser. */
    public Trainer(Sequential model, TrainingSettings settings) {
        this(model, settings, settings.newOptimizer());
    }

    /** A trainer continuing with an optimiser whose state was restored. */
    public Trainer(Sequential model, TrainingSettings settings, Optimizer optimizer) {
        this.model = model;
        this.settings = settings;
        this.optimizer = optimizer;
    }

    public Sequential model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /**
     * One pass over {@code train} in the epoch's shuffled order with the epoch's learning rate,
     * then the accuracy on {@code test}.
     *
     * @param epoch 0-based; fixes the shuffling, dropout masks and learning rate
     */
    public EpochMetrics runEpoch(int epoch, Dataset train, Dataset test,
            TrainingProgress progress) {
        long start = System.nanoTime();
        optimizer.setLearningRate(settings.schedule().rate(settings.learningRate(), epoch));
        long epochSeed = epochSeed(settings.seed(), epoch);
        reseedDropout(epochSeed);
        Batches batches = train.batches(settings.batchSize(), epochSeed);
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        int done = 0;
        for (Batch batch : batches) {
            Tensor logits = model.forward(batch.images(), true);
            lossSum += loss.forward(logits, batch.labels()) * batch.size();
            correct += correctCount(logits, batch.labels());
            seen += batch.size();
            model.zeroGrad();
            model.backwardParameters(loss.backward());
            optimizer.step(model.parameters());
            done++;
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.batchDone(epoch, done, batches.count(), lossSum / seen,
                    (double) correct / seen, seen / seconds);
        }
        double testAccuracy = accuracy(model, test);
        return new EpochMetrics(epoch, seen == 0 ? 0 : lossSum / seen,
                seen == 0 ? 0 : (double) correct / seen, testAccuracy,
                (System.nanoTime() - start) / 1e9);
    }

    /** Fraction of {@code data} the model classifies right, in evaluation mode. */
    public static double accuracy(Sequential model, Dataset data) {
        if (data.size() == 0) {
            return 0;
        }
        long correct = 0;
        for (Batch batch : data.batches(EVALUATION_BATCH, 0)) {
            correct += correctCount(model.forward(batch.images(), false), batch.labels());
        }
        return (double) correct / data.size();
    }

    /** Rows of logits [N, K] whose first largest entry is at the label. */
    static long correctCount(Tensor logits, int[] labels) {
        Tensor z = logits.contiguous();
        int k = z.dim(1);
        float[] values = z.data();
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int row = z.offset() + i * k;
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (values[row + j] > values[row + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** Seed of epoch e's random choices, scrambled by SplittableRandom so seeds don't overlap. */
    static long epochSeed(long seed, int epoch) {
        return new SplittableRandom(seed + GOLDEN * (epoch + 1L)).nextLong();
    }

    private void reseedDropout(long epochSeed) {
        SplittableRandom seeds = new SplittableRandom(epochSeed);
        List<Layer> layers = model.layers();
        for (Layer layer : layers) {
            long layerSeed = seeds.nextLong();
            if (layer instanceof Dropout dropout) {
                dropout.reseed(layerSeed);
            }
        }
    }
}
