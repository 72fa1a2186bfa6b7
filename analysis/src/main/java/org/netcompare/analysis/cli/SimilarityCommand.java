package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.netcompare.analysis.data.LayerInputs;
import org.netcompare.analysis.data.SampleMatrices;
import org.netcompare.analysis.similarity.Measure;
import org.netcompare.analysis.similarity.PairSimilarity;
import org.netcompare.analysis.similarity.Svcca;
import org.netcompare.engine.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netcompare similarity}: the baseline similarity indices (CKA, CCA, SVCCA, PWCCA;
 * METHODS.md section 5) of two representations of the same samples, or, with {@code --acts},
 * of every layer of network A against every layer of network B ({@code --acts-b}; A itself
 * without it), one matrix per index. In matrix mode two layers are in memory at a time: each
 * of A's layers is read once and B's layers once per layer of A.
 */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = "Similarity indices (CKA, CCA, SVCCA, PWCCA) between representations.")
final class SimilarityCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", arity = "0..2",
            description = "Two representations of the same samples, [samples, features...] .npy.")
    List<Path> files = List.of();

    @Option(names = "--acts", paramLabel = "DIR",
            description = "Network A's capture directory: compare all layer pairs instead of two files.")
    Path directoryA;

    @Option(names = "--acts-b", paramLabel = "DIR",
            description = "Network B's capture directory (default: A's): columns of the matrices.")
    Path directoryB;

    @Option(names = "--measures", split = ",", paramLabel = "M[,M...]",
            defaultValue = "cka,cka-debiased,cka-rbf,cca,svcca,pwcca",
            description = "Indices among cka, cka-debiased, cka-rbf, cca, svcca, pwcca"
                    + " (default: all).")
    List<String> measureNames;

    @Option(names = "--rbf-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "RBF CKA bandwidth as a fraction of the median distance"
                    + " (default: ${DEFAULT-VALUE}).")
    double rbfFraction;

    @Option(names = "--svcca-variance", paramLabel = "F",
            description = "SVCCA keeps the leading directions holding this share of the variance"
                    + " (default: 0.99).")
    Double svccaVariance;

    @Option(names = "--svcca-directions", paramLabel = "K",
            description = "SVCCA keeps exactly K leading directions per side instead.")
    Integer svccaDirections;

    @Mixin
    OutputOption out;

    @Override
    protected void run() throws Exception {
        Set<Measure> measures = checkedMeasures();
        PairSimilarity.Settings settings = checkedSettings();
        ObjectNode result = JsonOutput.object();
        if (directoryA == null && directoryB == null) {
            comparePair(measures, settings, result);
        } else {
            compareLayers(measures, settings, result);
        }
        out.write(result, stdout());
    }

    private void comparePair(Set<Measure> measures, PairSimilarity.Settings settings,
            ObjectNode result) throws IOException {
        if (files.size() != 2) {
            throw new InvalidInputException("give two .npy files, or --acts DIR [--acts-b DIR]");
        }
        Path fileA = files.get(0);
        Path fileB = files.get(1);
        Tensor x = SampleMatrices.readPoints(fileA, 2);
        Tensor y = SampleMatrices.readPoints(fileB, 2);
        checkSameSamples(fileA, x, fileB, y);
        result.put("a", fileA.toString());
        result.put("b", fileB.toString());
        result.put("samples", x.dim(0));
        result.put("features_a", x.dim(1));
        result.put("features_b", y.dim(1));
        putSettings(result, measures, settings);
        PairSimilarity.Result pair = compute(x, fileA, y, fileB, measures, settings);
        for (Measure measure : measures) {
            Double value = pair.values().get(measure);
            if (value == null) {
                result.putNull(measure.key());
            } else {
                result.put(measure.key(), value);
            }
        }
        warn(result.putArray("warnings"), pair.warnings());
    }

    private void compareLayers(Set<Measure> measures, PairSimilarity.Settings settings,
            ObjectNode result) throws IOException {
        if (directoryA == null) {
            throw new InvalidInputException("--acts-b needs --acts for network A");
        }
        if (!files.isEmpty()) {
            throw new InvalidInputException("give two .npy files or --acts DIR, not both");
        }
        LayerInputs layersA = LayerInputs.ofDirectory(directoryA);
        LayerInputs layersB = directoryB == null ? layersA : LayerInputs.ofDirectory(directoryB);
        JsonOutput.putStrings(result.putArray("names"), layersA.names());
        JsonOutput.putStrings(result.putArray("names_b"), layersB.names());
        int rows = layersA.size();
        int cols = layersB.size();
        Double[][][] values = new Double[Measure.values().length][rows][cols];
        List<String> warnings = new ArrayList<>();
        int samples = -1;
        for (int i = 0; i < rows; i++) {
            Tensor x = SampleMatrices.readPoints(layersA.file(i), 2);
            for (int j = 0; j < cols; j++) {
                Tensor y = SampleMatrices.readPoints(layersB.file(j), 2);
                checkSameSamples(layersA.file(i), x, layersB.file(j), y);
                samples = x.dim(0);
                long start = System.nanoTime();
                PairSimilarity.Result pair = compute(x, layersA.file(i), y, layersB.file(j),
                        measures, settings);
                for (Measure measure : measures) {
                    values[measure.ordinal()][i][j] = pair.values().get(measure);
                }
                String prefix = layersA.name(i) + " vs " + layersB.name(j) + ": ";
                pair.warnings().forEach(line -> warnings.add(prefix + line));
                progress(String.format("%s%.1f s (%d/%d)", prefix,
                        (System.nanoTime() - start) / 1e9, i * cols + j + 1, rows * cols));
            }
        }
        result.put("samples", samples);
        putSettings(result, measures, settings);
        ObjectNode matrices = result.putObject("matrices");
        for (Measure measure : measures) {
            ArrayNode matrix = matrices.putArray(measure.key());
            for (Double[] row : values[measure.ordinal()]) {
                ArrayNode line = matrix.addArray();
                for (Double value : row) {
                    if (value == null) {
                        line.addNull();
                    } else {
                        line.add(value);
                    }
                }
            }
        }
        warn(result.putArray("warnings"), warnings);
    }

    private PairSimilarity.Result compute(Tensor x, Path fileA, Tensor y, Path fileB,
            Set<Measure> measures, PairSimilarity.Settings settings) {
        try {
            return PairSimilarity.compute(x, y, measures, settings);
        } catch (IllegalArgumentException refused) {
            throw new InvalidInputException(fileA + " (X) vs " + fileB + " (Y): "
                    + refused.getMessage(), refused);
        }
    }

    /** Warnings go to the JSON and, so that nobody misses them, to stderr. */
    private void warn(ArrayNode node, List<String> warnings) {
        for (String line : warnings) {
            node.add(line);
            notice("warning: " + line);
        }
    }

    private static void checkSameSamples(Path fileA, Tensor x, Path fileB, Tensor y) {
        if (x.dim(0) != y.dim(0)) {
            throw new InvalidInputException(fileB + ": " + y.dim(0) + " samples but " + fileA
                    + " has " + x.dim(0) + "; both must hold the same samples in the same order");
        }
    }

    private void putSettings(ObjectNode result, Set<Measure> measures,
            PairSimilarity.Settings settings) {
        ArrayNode names = result.putArray("measures");
        measures.forEach(measure -> names.add(measure.key()));
        if (measures.contains(Measure.CKA_RBF)) {
            result.put("rbf_fraction", settings.rbfFraction());
        }
        if (measures.contains(Measure.SVCCA)) {
            Svcca.Directions keep = settings.svccaDirections();
            if (keep.count() > 0) {
                result.put("svcca_directions", keep.count());
            } else {
                result.put("svcca_variance", keep.variance());
            }
        }
    }

    private Set<Measure> checkedMeasures() {
        Set<Measure> measures = EnumSet.noneOf(Measure.class);
        for (String name : measureNames) {
            try {
                measures.add(Measure.ofFlag(name));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInputException("--measures: " + unknown.getMessage());
            }
        }
        if (measures.isEmpty()) {
            throw new InvalidInputException("--measures: name at least one measure");
        }
        return measures;
    }

    private PairSimilarity.Settings checkedSettings() {
        if (!(rbfFraction > 0 && Double.isFinite(rbfFraction))) {
            throw new InvalidInputException("--rbf-fraction must be positive, got " + rbfFraction);
        }
        if (svccaVariance != null && svccaDirections != null) {
            throw new InvalidInputException("give --svcca-variance or --svcca-directions, not both");
        }
        Svcca.Directions keep;
        if (svccaDirections != null) {
            if (svccaDirections < 1) {
                throw new InvalidInputException("--svcca-directions must be at least 1, got "
                        + svccaDirections);
            }
            keep = Svcca.Directions.ofCount(svccaDirections);
        } else {
            double share = svccaVariance == null ? Svcca.DEFAULT_VARIANCE : svccaVariance;
            if (!(share > 0 && share <= 1)) {
                throw new InvalidInputException("--svcca-variance must lie in (0, 1], got " + share);
            }
            keep = Svcca.Directions.ofVariance(share);
        }
        return new PairSimilarity.Settings(rbfFraction, keep);
    }
}
