package org.netcompare.analysis.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.netcompare.analysis.data.LayerInputs;
import org.netcompare.analysis.data.SampleMatrices;
import org.netcompare.analysis.topology.LayerGraphs;
import org.netcompare.engine.knn.KnnGraph;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.tensor.Tensor;

/**
 * Searches the kNN graph of every layer of a network, one layer in memory at a time: a layer's
 * activations are read, searched at the largest k wanted and dropped before the next is read,
 * so only the graphs ({@code samples x k} neighbours each) accumulate.
 */
final class LayerGraphReader {

    private final KnnSearch search;
    private final Consumer<String> progress;

    LayerGraphReader(KnnSearch search, Consumer<String> progress) {
        this.search = search;
        this.progress = progress;
    }

    /**
     * @param maxK the largest k any result needs; every layer must hold more samples than that
     * @throws InvalidInputException when layers disagree on the sample count, k is too large, or
     *         the search's metric refuses a sample (an all-zero one under cosine)
     */
    LayerGraphs read(LayerInputs layers, int maxK) throws IOException {
        List<KnnGraph> graphs = new ArrayList<>(layers.size());
        int samples = -1;
        for (int layer = 0; layer < layers.size(); layer++) {
            long start = System.nanoTime();
            Tensor points = SampleMatrices.readPoints(layers.file(layer), 2);
            int rows = points.dim(0);
            if (samples >= 0 && rows != samples) {
                throw new InvalidInputException(layers.file(layer) + ": " + rows
                        + " samples but " + layers.file(0) + " has " + samples
                        + "; every layer must hold the same samples");
            }
            if (maxK >= rows) {
                throw new InvalidInputException(layers.file(layer) + ": k = " + maxK + " but only "
                        + rows + " samples; k must be below the number of samples");
            }
            samples = rows;
            try {
                graphs.add(search.selfGraph(points, maxK));
            } catch (IllegalArgumentException refused) {
                // What the metric cannot measure, such as an all-zero sample under cosine.
                throw new InvalidInputException(layers.file(layer) + ": " + refused.getMessage(),
                        refused);
            }
            progress.accept(String.format("%s: %d x %d, %d nearest neighbours in %.1f s (%d/%d)",
                    layers.name(layer), rows, points.dim(1), maxK,
                    (System.nanoTime() - start) / 1e9, layer + 1, layers.size()));
        }
        return LayerGraphs.of(layers.names(), graphs);
    }
}
