package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.netcompare.analysis.topology.LayerGraphs;
import org.netcompare.analysis.topology.Nntp;
import org.netcompare.analysis.topology.PersistenceTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netcompare nntp}: the nearest-neighbour topological persistence table (METHODS.md
 * section 4): how many undirected kNN edges start at each layer and last appear at each later
 * one, tolerating gaps of up to alpha layers. Neighbours are Euclidean or, with
 * {@code --metric cosine}, by cosine distance.
 */
@Command(name = "nntp", mixinStandardHelpOptions = true,
        description = "Nearest-neighbour topological persistence across the layers of a network.")
final class NntpCommand extends BaseCommand {

    @Mixin
    LayerSource layers;

    @Option(names = "--k", defaultValue = "15", paramLabel = "K",
            description = "Neighbours per sample (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--alpha", defaultValue = "0", paramLabel = "A",
            description = "Layers an edge may be missing from and still persist (default: ${DEFAULT-VALUE}).")
    int alpha;

    @Mixin
    MetricOption metric;

    @Mixin
    OutputOption out;

    @Override
    protected void run() throws Exception {
        TopologyOptions.checkedKs(List.of(k));
        if (alpha < 0) {
            throw new InvalidInputException("--alpha must not be negative, got " + alpha);
        }
        LayerGraphReader reader = new LayerGraphReader(metric.search(), this::progress);
        LayerGraphs graphs = reader.read(layers.resolve(), k);
        PersistenceTable table = Nntp.table(graphs, graphs.names(), k, alpha);

        ObjectNode result = JsonOutput.object();
        JsonOutput.putStrings(result.putArray("names"), table.names());
        result.put("metric", metric.metric.label());
        result.put("samples", graphs.samples());
        result.put("k", k);
        result.put("alpha", alpha);
        ArrayNode rows = result.putArray("table");
        for (long[] row : table.counts()) {
            ArrayNode cells = rows.addArray();
            for (long count : row) {
                cells.add(count);
            }
        }
        out.write(result, stdout());
    }
}
