package org.netcompare.analysis.match;

import java.util.BitSet;

/**
 * The pruning of Wang et al. (NeurIPS 2018, algorithm 1): keep the X neurons within eps of the
 * span of the kept Y neurons, then the Y neurons within eps of the span of the kept X neurons,
 * until nothing changes. Started from any superset of the maximum match inside the starting
 * sets it ends at that maximum match: the match's neurons are never removed (their span only
 * shrinks to the match's), and where it stops is itself a match.
 *
 * <p>Keeps a QR workspace, so one instance serves one thread at a time.
 */
final class AlternatePruning {

    private final JointCoordinates coordinates;
    private final SpanDistances distances;

    AlternatePruning(JointCoordinates coordinates) {
        this.coordinates = coordinates;
        this.distances = new SpanDistances(coordinates.observations());
    }

    /**
     * Prunes {@code x} and {@code y} in place down to the maximum match inside them.
     *
     * @param required a neuron to watch, or null: once it is removed the pruning stops early
     * @return false when {@code required} was removed (the sets are then not a match)
     */
    boolean prune(BitSet x, BitSet y, double eps, Neuron required) {
        boolean first = true;
        while (true) {
            boolean removedX = distances.prune(coordinates.y(), y, coordinates.x(), x, eps);
            if (lost(required, x, y)) {
                return false;
            }
            // X was just checked against this Y, and Y against this X one step before.
            if (!removedX && !first) {
                return true;
            }
            boolean removedY = distances.prune(coordinates.x(), x, coordinates.y(), y, eps);
            if (lost(required, x, y)) {
                return false;
            }
            if (!removedY) {
                return true;
            }
            first = false;
        }
    }

    private static boolean lost(Neuron required, BitSet x, BitSet y) {
        return required != null
                && !(required.layer() == Neuron.Layer.X ? x : y).get(required.index());
    }
}
