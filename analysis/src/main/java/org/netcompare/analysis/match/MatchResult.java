package org.netcompare.analysis.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An epsilon-match (X, Y) between two layers (Wang et al., NeurIPS 2018, definition 1): the
 * neurons of layer X and of layer Y it contains, out of {@code neuronsX} and {@code neuronsY}.
 *
 * @param eps the epsilon the match was found at, in (0, 1)
 * @param x indices of layer X's neurons in the match (a copy is kept and handed out)
 * @param y indices of layer Y's neurons in the match
 * @param neuronsX all neurons of layer X, all-zero ones included
 * @param neuronsY all neurons of layer Y, all-zero ones included
 */
public record MatchResult(double eps, BitSet x, BitSet y, int neuronsX, int neuronsY) {

    public MatchResult {
        x = (BitSet) x.clone();
        y = (BitSet) y.clone();
    }

    @Override
    public BitSet x() {
        return (BitSet) x.clone();
    }

    @Override
    public BitSet y() {
        return (BitSet) y.clone();
    }

    public int xSize() {
        return x.cardinality();
    }

    public int ySize() {
        return y.cardinality();
    }

    /** Neurons of both layers in the match. */
    public int size() {
        return xSize() + ySize();
    }

    /**
     * {@code (|X*| + |Y*|) / (|X| + |Y|)}, the denominator counting every neuron of both layers
     * (all-zero ones too), as the paper's similarity s(eps).
     */
    public double similarity() {
        int all = neuronsX + neuronsY;
        return all == 0 ? 0 : (double) size() / all;
    }

    /** The match's neurons, layer X's first, each layer's in index order. */
    public List<Neuron> neurons() {
        List<Neuron> all = new ArrayList<>(size());
        x.stream().forEach(i -> all.add(new Neuron(Neuron.Layer.X, i)));
        y.stream().forEach(i -> all.add(new Neuron(Neuron.Layer.Y, i)));
        return all;
    }

    public boolean contains(Neuron neuron) {
        return (neuron.layer() == Neuron.Layer.X ? x : y).get(neuron.index());
    }
}
