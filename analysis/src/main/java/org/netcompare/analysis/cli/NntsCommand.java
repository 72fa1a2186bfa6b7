package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.netcompare.analysis.data.LayerInputs;
import org.netcompare.analysis.topology.LayerGraphs;
import org.netcompare.analysis.topology.Nnts;
import org.netcompare.engine.linalg.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netcompare nnts}: nearest-neighbour topological similarity (METHODS.md section 4) of
 * every pair of layers of one network, or of every layer of network A with every layer of
 * network B ({@code --acts-b}). Each layer's graph is searched once at the largest k; the
 * smaller k read its prefix. Neighbours are Euclidean or, with {@code --metric cosine}, by
 * cosine distance.
 */
@Command(name = "nnts", mixinStandardHelpOptions = true,
        description = "Nearest-neighbour topological similarity between layers.")
final class NntsCommand extends BaseCommand {

    @Mixin
    LayerSource layers;

    @Option(names = "--acts-b", paramLabel = "DIR",
            description = "A second network's capture directory: compare A's layers (rows) with B's (columns).")
    Path directoryB;

    @Option(names = "--k", split = ",", defaultValue = "15", paramLabel = "K[,K...]",
            description = "Neighbours per sample, one result per value (default: ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Mixin
    MetricOption metric;

    @Mixin
    OutputOption out;

    @Override
    protected void run() throws Exception {
        TreeSet<Integer> kValues = TopologyOptions.checkedKs(ks);
        LayerInputs inputsA = layers.resolve();
        if (directoryB != null && layers.directory == null) {
            throw new InvalidInputException("--acts-b needs --acts for network A");
        }
        LayerGraphReader reader = new LayerGraphReader(metric.search(), this::progress);
        LayerGraphs graphsA = reader.read(inputsA, kValues.last());
        LayerGraphs graphsB = null;
        if (directoryB != null) {
            graphsB = reader.read(LayerInputs.ofDirectory(directoryB), kValues.last());
            if (graphsB.samples() != graphsA.samples()) {
                throw new InvalidInputException(directoryB + ": " + graphsB.samples()
                        + " samples but " + layers.directory + " has " + graphsA.samples()
                        + "; both networks must see the same samples");
            }
        }

        ObjectNode result = JsonOutput.object();
        JsonOutput.putStrings(result.putArray("names"), graphsA.names());
        if (graphsB != null) {
            JsonOutput.putStrings(result.putArray("names_b"), graphsB.names());
        }
        result.put("metric", metric.metric.label());
        result.put("samples", graphsA.samples());
        ArrayNode kList = result.putArray("k");
        kValues.forEach(kList::add);
        ObjectNode matrices = result.putObject("matrices");
        for (int k : kValues) {
            Matrix similarity = graphsB == null
                    ? Nnts.similarity(graphsA, graphsA.names(), k)
                    : Nnts.across(graphsA, graphsA.names(), graphsB, graphsB.names(), k);
            JsonOutput.putMatrix(matrices.putArray(Integer.toString(k)), similarity);
        }
        out.write(result, stdout());
    }
}
