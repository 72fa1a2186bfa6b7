package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.netcompare.analysis.data.SampleMatrices;
import org.netcompare.analysis.match.ColumnSample;
import org.netcompare.analysis.match.MatchResult;
import org.netcompare.analysis.match.MaximumMatch;
import org.netcompare.analysis.match.NeuronMatrix;
import org.netcompare.analysis.match.SimpleMatches;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.linalg.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netcompare match}: the neuron subspace match of two layers (Wang et al., NeurIPS 2018;
 * METHODS.md section 3). Each file holds one layer's activations over the same inputs:
 * {@code [samples, neurons]} for a fully connected layer, or channels first
 * ({@code [samples, C, H, W]}, or any {@code [samples, C, positions...]}) for a convolutional
 * one, whose neurons are channels over (sample, position) columns; {@code --columns} of those
 * are drawn {@code --repeats} times and the results averaged, as in the paper's code.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Maximum (and simple) epsilon-matches between the neurons of two layers.")
final class MatchCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "A", description = "Layer X's activations, [samples, neurons] or [samples, C, H, W].")
    Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "Layer Y's activations over the same samples.")
    Path fileB;

    @Option(names = "--eps", split = ",", defaultValue = "0.15,0.2,0.25,0.3,0.5",
            paramLabel = "E",
            description = "Relative distances, each in (0, 1), one result per value (default: ${DEFAULT-VALUE}).")
    List<Double> eps;

    @Option(names = "--simple",
            description = "Also find simple matches (v-minimum matches of the maximum match's neurons) and their sizes.")
    boolean simple;

    @Option(names = "--simple-neurons", paramLabel = "N", defaultValue = "2147483647",
            description = "Simple matches: examine at most N neurons per eps, in seeded order (default: all).")
    int simpleNeurons;

    @Option(names = "--simple-seconds", paramLabel = "S",
            description = "Simple matches: start no new neurons after S seconds per eps (default: no limit).")
    Double simpleSeconds;

    @Option(names = "--columns", defaultValue = "10000", paramLabel = "N",
            description = "Convolutional layers: (sample, position) columns drawn per repeat (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--repeats", defaultValue = "16", paramLabel = "R",
            description = "Convolutional layers: independent column draws averaged (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    OutputOption out;

    /** One layer's activations: [samples, channels * positions]; positions 1 when dense. */
    private record Layer(Path file, Matrix flat, int channels, int positions, boolean convolutional) {
    }

    @Override
    protected void run() throws Exception {
        double[] epsValues = checkedEps();
        SimpleMatches.Budget budget = checkedBudget();
        if (columns < 1 || repeats < 1) {
            throw new InvalidInputException("--columns and --repeats must be at least 1, got "
                    + columns + " and " + repeats);
        }
        Layer a = read(fileA);
        Layer b = read(fileB);
        checkSameInputs(a, b);

        ColumnSample sample = new ColumnSample(columns, repeats, common.seed());
        int observations = a.flat().rows() * a.positions();
        int draws = a.convolutional() ? sample.draws(observations) : 1;
        double[] similarity = new double[epsValues.length];
        double[] sizeX = new double[epsValues.length];
        double[] sizeY = new double[epsValues.length];
        ArrayNode simpleNode = null;
        for (int draw = 0; draw < draws; draw++) {
            if (draws > 1) {
                progress("match: column draw " + (draw + 1) + " of " + draws);
            }
            int[] chosen = a.convolutional() ? sample.draw(observations, draw) : null;
            MaximumMatch match = new MaximumMatch(neurons(a, chosen), neurons(b, chosen));
            List<MatchResult> results = match.find(epsValues);
            for (int i = 0; i < epsValues.length; i++) {
                similarity[i] += results.get(i).similarity() / draws;
                sizeX[i] += (double) results.get(i).xSize() / draws;
                sizeY[i] += (double) results.get(i).ySize() / draws;
            }
            if (simple && draw == 0) {
                simpleNode = JsonOutput.object().arrayNode();
                for (MatchResult maximum : results) {
                    SimpleMatches.Result found = SimpleMatches.find(match, maximum, budget,
                            common.seed(), this::progress);
                    simpleNode.add(simpleSummary(maximum.eps(), found));
                }
            }
        }

        ObjectNode result = JsonOutput.object();
        result.put("file_a", fileA.toString());
        result.put("file_b", fileB.toString());
        result.put("samples", a.flat().rows());
        result.put("neurons_x", a.channels());
        result.put("neurons_y", b.channels());
        JsonOutput.putDoubles(result.putArray("eps"), epsValues);
        JsonOutput.putDoubles(result.putArray("similarity"), similarity);
        putSizes(result.putArray("x_size"), sizeX, draws);
        putSizes(result.putArray("y_size"), sizeY, draws);
        if (a.convolutional()) {
            result.put("columns", Math.min(columns, observations));
            result.put("repeats", draws);
        }
        if (simpleNode != null) {
            result.set("simple", simpleNode);
        }
        out.write(result, stdout());
    }

    private double[] checkedEps() {
        double[] values = new double[eps.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eps.get(i);
            if (!(values[i] > 0 && values[i] < 1)) {
                throw new InvalidInputException("--eps values must lie in (0, 1), got " + values[i]);
            }
        }
        return values;
    }

    private SimpleMatches.Budget checkedBudget() {
        if (simpleNeurons < 1) {
            throw new InvalidInputException("--simple-neurons must be at least 1, got "
                    + simpleNeurons);
        }
        if (simpleSeconds != null && !(simpleSeconds > 0)) {
            throw new InvalidInputException("--simple-seconds must be positive, got "
                    + simpleSeconds);
        }
        Duration time = simpleSeconds == null ? SimpleMatches.Budget.unlimited().time()
                : Duration.ofNanos((long) (simpleSeconds * 1e9));
        return new SimpleMatches.Budget(simpleNeurons, time);
    }

    private static Layer read(Path file) throws Exception {
        int[] shape = Npy.inspect(file).shape();
        Matrix flat = SampleMatrices.read(file, 2);
        if (shape.length <= 2) {
            return new Layer(file, flat, flat.cols(), 1, false);
        }
        return new Layer(file, flat, shape[1], flat.cols() / shape[1], true);
    }

    private void checkSameInputs(Layer a, Layer b) {
        if (a.flat().rows() != b.flat().rows()) {
            throw new InvalidInputException(b.file() + ": " + b.flat().rows() + " samples but "
                    + a.file() + " has " + a.flat().rows() + "; both layers must see the same inputs");
        }
        if (a.convolutional() != b.convolutional() || a.positions() != b.positions()) {
            throw new InvalidInputException(b.file() + ": " + describe(b) + " but " + a.file()
                    + " is " + describe(a) + "; neuron vectors must run over the same columns");
        }
    }

    private static String describe(Layer layer) {
        return layer.convolutional()
                ? layer.channels() + " channels over " + layer.positions() + " positions"
                : "dense with " + layer.channels() + " neurons";
    }

    private static NeuronMatrix neurons(Layer layer, int[] chosen) {
        return layer.convolutional()
                ? NeuronMatrix.channels(layer.flat(), layer.channels(), layer.positions(), chosen)
                : NeuronMatrix.dense(layer.flat());
    }

    /** Whole numbers for one draw, means over the draws otherwise. */
    private static void putSizes(ArrayNode node, double[] sizes, int draws) {
        for (double size : sizes) {
            if (draws == 1) {
                node.add(Math.round(size));
            } else {
                node.add(size);
            }
        }
    }

    private static ObjectNode simpleSummary(double eps, SimpleMatches.Result found) {
        ObjectNode node = JsonOutput.object();
        node.put("eps", eps);
        node.put("neurons_in_match", found.neuronsInMatch());
        node.put("neurons_examined", found.neuronsExamined());
        node.put("complete", found.complete());
        node.put("matches", found.matches().size());
        ObjectNode sizes = node.putObject("size_counts");
        for (Map.Entry<Integer, Integer> entry : found.sizeCounts().entrySet()) {
            sizes.put(Integer.toString(entry.getKey()), entry.getValue());
        }
        return node;
    }
}
