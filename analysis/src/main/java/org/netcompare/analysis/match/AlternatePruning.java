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

    /** Prunes {@code x} and {@code y} in place down to the maximum match inside them. */
    void prune(BitSet x, BitSet y, double eps) {
        prune(x, y, eps, null, Neuron.Layer.X, false);
    }

    /**
     * Prunes {@code x} and {@code y} in place down to the maximum match inside them, one layer
     * at a time starting with {@code start}. A step that removes nothing ends the pruning once
     * the other layer has been checked against the current sets: by an earlier step, or before
     * the call when {@code otherChecked} (after one neuron of a match is removed, the other
     * layer still has all it matched against and only {@code start} needs a look).
     *
     * @param required a neuron to watch, or null: once it is removed the pruning stops early
     * @return false when {@code required} was removed (the sets are then not a match)
     */
    boolean prune(BitSet x, BitSet y, double eps, Neuron required, Neuron.Layer start,
            boolean otherChecked) {
        Neuron.Layer layer = start;
        boolean checked = otherChecked;
        while (true) {
            boolean removed = layer == Neuron.Layer.X
                    ? distances.prune(coordinates.y(), y, coordinates.x(), x, eps)
                    : distances.prune(coordinates.x(), x, coordinates.y(), y, eps);
            if (lost(required, x, y)) {
                return false;
            }
            if (!removed && checked) {
                return true;
            }
            checked = true;
            layer = layer == Neuron.Layer.X ? Neuron.Layer.Y : Neuron.Layer.X;
        }
    }

    /**
     * The distances of the other layer's neurons in {@code x}, {@code y} to the span of
     * {@code basis}'s, kept for downdates ({@link SpanFactor}).
     */
    SpanFactor factor(Neuron.Layer basis, BitSet x, BitSet y) {
        return basis == Neuron.Layer.X
                ? distances.factor(coordinates.x(), x, coordinates.y(), y, true)
                : distances.factor(coordinates.y(), y, coordinates.x(), x, true);
    }

    /** Norms of a layer's neurons. */
    double[] norms(Neuron.Layer layer) {
        return (layer == Neuron.Layer.X ? coordinates.x() : coordinates.y()).norms();
    }

    private static boolean lost(Neuron required, BitSet x, BitSet y) {
        return required != null
                && !(required.layer() == Neuron.Layer.X ? x : y).get(required.index());
    }
}
