package org.netcompare.analysis.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The maximum epsilon-match between two layers (Wang et al., "To What Extent Do Different Neural
 * Networks Learn the Same Representation", NeurIPS 2018, section 3; METHODS.md section 3): the
 * largest pair (X*, Y*) in which every neuron of either side lies within {@code eps |z|} of the
 * span of the other side's. It is unique; the similarity is {@code (|X*| + |Y*|) / (|X| + |Y|)}.
 *
 * <p>All-zero neurons are left out of the pruning (they have no direction) but count in the
 * similarity's denominator. The layers are reduced once to joint coordinates
 * ({@link JointCoordinates}) for the largest eps asked; every search at that eps or below (any
 * starting sets) reuses them. Instances are safe for concurrent searches.
 */
public final class MaximumMatch {

    private final NeuronMatrix layerX;
    private final NeuronMatrix layerY;
    /** Built for the largest eps asked so far; guarded by this. */
    private JointCoordinates coordinates;
    private final int neuronsX;
    private final int neuronsY;
    private final BitSet nonZeroX;
    private final BitSet nonZeroY;

    /**
     * @param x layer X, [observations, neuronsX]
     * @param y layer Y, [observations, neuronsY], the same observations in the same order
     * @throws IllegalArgumentException when the observation counts differ
     */
    public MaximumMatch(NeuronMatrix x, NeuronMatrix y) {
        if (x.observations() != y.observations()) {
            throw new IllegalArgumentException("layer X has " + x.observations()
                    + " observations, layer Y " + y.observations()
                    + "; both must see the same inputs");
        }
        this.layerX = x;
        this.layerY = y;
        this.neuronsX = x.neurons();
        this.neuronsY = y.neurons();
        this.nonZeroX = nonZero(x);
        this.nonZeroY = nonZero(y);
    }

    private static BitSet nonZero(NeuronMatrix layer) {
        BitSet set = new BitSet(layer.neurons());
        for (int j = 0; j < layer.neurons(); j++) {
            if (layer.norm(j) > 0) {
                set.set(j);
            }
        }
        return set;
    }

    /** The maximum match at {@code eps}, in (0, 1). */
    public MatchResult find(double eps) {
        return within(nonZeroX, nonZeroY, eps);
    }

    /**
     * The maximum matches at several eps, in the order given. A match at a smaller eps is a match
     * at a larger one, so the maximum match only grows with eps: the largest eps is searched from
     * all neurons and each smaller one from the match just found.
     */
    public List<MatchResult> find(double... eps) {
        double largest = 0;
        for (double e : eps) {
            checkEps(e);
            largest = Math.max(largest, e);
        }
        if (eps.length > 0) {
            coordinates(largest);
        }
        Integer[] order = new Integer[eps.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(eps[b], eps[a]));
        MatchResult[] results = new MatchResult[eps.length];
        BitSet x = nonZeroX;
        BitSet y = nonZeroY;
        for (int i : order) {
            results[i] = within(x, y, eps[i]);
            x = results[i].x();
            y = results[i].y();
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    /**
     * The maximum match among the given neurons only (all-zero ones are dropped from them), the
     * step the minimum match repeats.
     */
    public MatchResult within(BitSet x, BitSet y, double eps) {
        checkEps(eps);
        BitSet keptX = start(x, nonZeroX, neuronsX, "X");
        BitSet keptY = start(y, nonZeroY, neuronsY, "Y");
        JointCoordinates joint = coordinates(eps);
        keptX.and(joint.candidatesX());
        new AlternatePruning(joint).prune(keptX, keptY, eps);
        return new MatchResult(eps, keptX, keptY, neuronsX, neuronsY);
    }

    /**
     * The maximum match inside {@code match} less the neuron {@code removed}, or null as soon as
     * it is clear that it lacks {@code required}. Only the other layer can lose neurons first.
     */
    MatchResult withoutKeeping(AlternatePruning pruning, MatchResult match, Neuron removed,
            Neuron required) {
        BitSet x = match.x();
        BitSet y = match.y();
        (removed.layer() == Neuron.Layer.X ? x : y).clear(removed.index());
        Neuron.Layer affected = removed.layer() == Neuron.Layer.X ? Neuron.Layer.Y : Neuron.Layer.X;
        if (!pruning.prune(x, y, match.eps(), required, affected, true)) {
            return null;
        }
        return new MatchResult(match.eps(), x, y, neuronsX, neuronsY);
    }

    /** A pruning workspace for one thread, for searches at {@code eps} or below. */
    AlternatePruning newPruning(double eps) {
        return new AlternatePruning(coordinates(eps));
    }

    /**
     * Coordinates that serve {@code eps}: those built for a larger eps serve every smaller one,
     * so they are rebuilt only when a search asks for a larger eps than any before.
     */
    private synchronized JointCoordinates coordinates(double eps) {
        if (coordinates == null || coordinates.screeningEps() < eps) {
            coordinates = new JointCoordinates(layerX, layerY, eps);
        }
        return coordinates;
    }

    private static BitSet start(BitSet given, BitSet nonZero, int neurons, String layer) {
        if (given.length() > neurons) {
            throw new IllegalArgumentException("layer " + layer + " has " + neurons
                    + " neurons, asked for neuron " + (given.length() - 1));
        }
        BitSet kept = (BitSet) given.clone();
        kept.and(nonZero);
        return kept;
    }

    static void checkEps(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must lie in (0, 1), got " + eps);
        }
    }

    public int neuronsX() {
        return neuronsX;
    }

    public int neuronsY() {
        return neuronsY;
    }
}
