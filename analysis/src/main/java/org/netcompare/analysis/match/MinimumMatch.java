package org.netcompare.analysis.match;

import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The v-minimum match (Wang et al., NeurIPS 2018, section 3.2, algorithm 2): a smallest match
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
        return of(match, match.newPruning(), maximum, v, seed);
    }

    static MatchResult of(MaximumMatch match, AlternatePruning pruning, MatchResult maximum,
            Neuron v, long seed) {
        // Pruned once more, so that each removal below may start from a match whatever the
        // caller passed.
        MatchResult current = match.within(maximum.x(), maximum.y(), maximum.eps());
        if (!current.contains(v)) {
            throw new IllegalArgumentException("neuron " + v + " is not in the maximum match");
        }
        for (Neuron u : removalOrder(current, v, seed)) {
            if (!current.contains(u)) {
                continue;
            }
            MatchResult smaller = match.withoutKeeping(pruning, current, u, v);
            if (smaller != null) {
                current = smaller;
            }
        }
        return current;
    }

    /** The neurons of the maximum match other than v, shuffled by the seed. */
    private static List<Neuron> removalOrder(MatchResult maximum, Neuron v, long seed) {
        List<Neuron> order = maximum.neurons();
        order.remove(v);
        Collections.shuffle(order, new Random(seed));
        return order;
    }
}
