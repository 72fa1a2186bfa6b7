package org.netcompare.analysis.match;

/** One neuron of one of the two layers being matched. */
public record Neuron(Layer layer, int index) {

    /** Which of the two layers: the first ({@code X}) or the second ({@code Y}). */
    public enum Layer { X, Y }

    public Neuron {
        if (index < 0) {
            throw new IllegalArgumentException("neuron index must be non-negative, got " + index);
        }
    }

    @Override
    public String toString() {
        return layer + "" + index;
    }
}
