package org.netcompare.analysis.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.knn.KnnGraph;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.tensor.Tensor;

/**
 * The kNN self-graph H_v of every captured layer's outputs for one set of samples
 * (METHODS.md section 4): Euclidean, the sample itself excluded, ties broken by lower index.
 * Each graph is searched once at the largest k wanted; a smaller k is its prefix, which equals
 * a search at that k.
 */
public final class LayerGraphs {

    private final List<String> names;
    private final List<KnnGraph> graphs;
    private final Map<String, Integer> positions;
    private final int samples;
    private final int maxK;

    private LayerGraphs(List<String> names, List<KnnGraph> graphs, int samples, int maxK) {
        this.names = List.copyOf(names);
        this.graphs = List.copyOf(graphs);
        this.samples = samples;
        this.maxK = maxK;
        this.positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (positions.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("layer name '" + names.get(i)
                        + "' appears twice");
            }
        }
    }

    /**
     * Searches the graph of every layer.
     *
     * @param names       layer names, in network order
     * @param activations one tensor per name, {@code [samples, features...]}; features are
     *                    flattened, and every layer must hold the same samples
     * @param maxK        the largest k that will be asked for, below the sample count
     */
    public static LayerGraphs compute(List<String> names, List<Tensor> activations, int maxK,
            KnnSearch search) {
        if (names.size() != activations.size()) {
            throw new IllegalArgumentException(names.size() + " layer names for "
                    + activations.size() + " activation tensors");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no layers given");
        }
        if (maxK < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + maxK);
        }
        List<KnnGraph> graphs = new ArrayList<>(names.size());
        int samples = -1;
        for (int layer = 0; layer < names.size(); layer++) {
            Tensor points = flatten(names.get(layer), activations.get(layer));
            if (samples >= 0 && points.dim(0) != samples) {
                throw new IllegalArgumentException("layer '" + names.get(layer) + "' has "
                        + points.dim(0) + " samples but '" + names.get(0) + "' has " + samples);
            }
            samples = points.dim(0);
            graphs.add(search.selfGraph(points, maxK));
        }
        return new LayerGraphs(names, graphs, samples, maxK);
    }

    /**
     * Wraps graphs already searched, all over the same samples and with the same k: callers that
     * read one layer at a time search each graph themselves and keep only the graphs.
     */
    public static LayerGraphs of(List<String> names, List<KnnGraph> graphs) {
        if (names.size() != graphs.size() || graphs.isEmpty()) {
            throw new IllegalArgumentException(names.size() + " layer names for "
                    + graphs.size() + " graphs: need one graph per name, at least one");
        }
        KnnGraph first = graphs.get(0);
        if (first.rows() == 0 || first.k() < 1) {
            throw new IllegalArgumentException("layer '" + names.get(0) + "' has " + first.rows()
                    + " samples and k = " + first.k() + ": need samples and k of at least 1");
        }
        for (int layer = 1; layer < graphs.size(); layer++) {
            KnnGraph graph = graphs.get(layer);
            if (graph.rows() != first.rows() || graph.k() != first.k()) {
                throw new IllegalArgumentException("layer '" + names.get(layer) + "' has "
                        + graph.rows() + " samples and k = " + graph.k() + " but '"
                        + names.get(0) + "' has " + first.rows() + " and k = " + first.k());
            }
        }
        return new LayerGraphs(names, graphs, first.rows(), first.k());
    }

    private static Tensor flatten(String name, Tensor activations) {
        if (activations.rank() < 1) {
            throw new IllegalArgumentException("layer '" + name
                    + "' activations must be [samples, features...], got a scalar");
        }
        int samples = activations.dim(0);
        int features = 1;
        for (int axis = 1; axis < activations.rank(); axis++) {
            features *= activations.dim(axis);
        }
        return activations.contiguous().reshape(samples, features);
    }

    /** Layer names in network order. */
    public List<String> names() {
        return names;
    }

    public int layers() {
        return names.size();
    }

    public int samples() {
        return samples;
    }

    /** The k the graphs were searched with; any k up to it can be asked for. */
    public int maxK() {
        return maxK;
    }

    /** Position of the layer called {@code name}. */
    public int indexOf(String name) {
        Integer position = positions.get(name);
        if (position == null) {
            throw new IllegalArgumentException("no layer named '" + name + "'; layers: "
                    + String.join(", ", names));
        }
        return position;
    }

    /** The graph of layer {@code layer} with its {@code k} nearest neighbours per sample. */
    public KnnGraph graph(int layer, int k) {
        if (k < 1 || k > maxK) {
            throw new IllegalArgumentException("k = " + k + " but the graphs were searched with k = "
                    + maxK + ": k must lie in [1, " + maxK + "]");
        }
        return graphs.get(layer).prefix(k);
    }

    /** The graphs of the named layers at {@code k}, in the order given. */
    List<KnnGraph> graphs(List<String> layers, int k) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layers given");
        }
        List<KnnGraph> out = new ArrayList<>(layers.size());
        for (String name : layers) {
            out.add(graph(indexOf(name), k));
        }
        return out;
    }
}
