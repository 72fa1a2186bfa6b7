package org.netcompare.analysis.match;

import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The v-minimum match (Wang et al., NeurIPS 2018, section 3.2, algorithm 2): a minimal match
 * containing neuron v, found from the maximum match by trying to remove every other neuron once,
 * in a seeded random order: the maximum match of what is left replaces the current match when
 * it still contains v. The result is a simple match, one that is no union of smaller matches.
 */
public final class MinimumMatch {

    private MinimumMatch() {
    }

    /**
     * @param match the two layers
     * @param maximum their maximum match at the eps wanted; must contain {@code v}
     * @param seed the removal order's seed; the result depends on nothing else
     */
    public static MatchResult of(MaximumMatch match, MatchResult maximum, Neuron v, long seed) {
        return of(match, match.newPruning(maximum.eps()), maximum, v, seed);
    }

    static MatchResult of(MaximumMatch match, AlternatePruning pruning, MatchResult maximum,
            Neuron v, long seed) {
        // Pruned once more, so that each removal below may start from a match whatever the
        // caller passed.
        MatchResult current = match.within(maximum.x(), maximum.y(), maximum.eps());
        if (!current.contains(v)) {
            throw new IllegalArgumentException("neuron " + v + " is not in the maximum match");
        }
        Factored state = new Factored(current, pruning);
        for (Neuron u : removalOrder(current, v, seed)) {
            if (!state.match().contains(u)) {
                continue;
            }
            Removal removal = state.remove(u, v, pruning);
            if (removal == Removal.RANK_DEFICIENT) {
                MatchResult smaller = match.withoutKeeping(pruning, state.match(), u, v);
                if (smaller != null) {
                    state = new Factored(smaller, pruning);
                }
            } else if (removal.kept() != null) {
                state = removal.kept();
            }
        }
        return state.match();
    }

    /**
     * What removing a neuron from a factored match gave; the two outcomes without a match are
     * told apart by identity.
     */
    private record Removal(Factored kept) {

        /** v was pruned: the removal is undone. */
        static final Removal LOST_V = new Removal(null);
        /** A basis on the way was rank-deficient: no downdate, prune afresh. */
        static final Removal RANK_DEFICIENT = new Removal(null);
    }

    /**
     * A match with both of its span factors ({@link SpanFactor}): X's span with Y's distances to
     * it, and Y's with X's. Removing neurons is then a sequence of downdates: the pruning that
     * follows a removal only ever removes more, so it runs on the factors without a new QR.
     */
    private record Factored(MatchResult match, SpanFactor xBasis, SpanFactor yBasis) {

        Factored(MatchResult match, AlternatePruning pruning) {
            this(match, pruning.factor(Neuron.Layer.X, match.x(), match.y()),
                    pruning.factor(Neuron.Layer.Y, match.x(), match.y()));
        }

        /** The maximum match inside this one less u, unless it loses v. */
        Removal remove(Neuron u, Neuron v, AlternatePruning pruning) {
            BitSet x = match.x();
            BitSet y = match.y();
            SpanFactor spanX = xBasis;
            SpanFactor spanY = yBasis;
            Neuron.Layer layer = u.layer();
            BitSet gone = new BitSet();
            gone.set(u.index());
            while (!gone.isEmpty()) {
                boolean inX = layer == Neuron.Layer.X;
                SpanFactor shrinking = inX ? spanX : spanY;
                if (!shrinking.fullRank()) {
                    return Removal.RANK_DEFICIENT;
                }
                for (int neuron : gone.stream().toArray()) {
                    shrinking = shrinking.withoutBasis(neuron);
                }
                BitSet layerSet = inX ? x : y;
                BitSet otherSet = inX ? y : x;
                layerSet.andNot(gone);
                SpanFactor otherSpan = (inX ? spanY : spanX).withTargets(layerSet);
                spanX = inX ? shrinking : otherSpan;
                spanY = inX ? otherSpan : shrinking;
                Neuron.Layer other = inX ? Neuron.Layer.Y : Neuron.Layer.X;
                gone = (BitSet) otherSet.clone();
                gone.andNot(shrinking.targetsWithin(match.eps(), pruning.norms(other)));
                if (v.layer() == other && gone.get(v.index())) {
                    return Removal.LOST_V;
                }
                layer = other;
            }
            return new Removal(new Factored(new MatchResult(match.eps(), x, y, match.neuronsX(),
                    match.neuronsY()), spanX, spanY));
        }
    }

    /** The neurons of the maximum match other than v, shuffled by the seed. */
    private static List<Neuron> removalOrder(MatchResult maximum, Neuron v, long seed) {
        List<Neuron> order = maximum.neurons();
        order.remove(v);
        Collections.shuffle(order, new Random(seed));
        return order;
    }
}
