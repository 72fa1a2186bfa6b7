package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.analysis.closedata.CloseDataGenerator;
import org.netcompare.analysis.closedata.LocalPatch;
import org.netcompare.analysis.closedata.PixelRange;
import org.netcompare.analysis.curvature.Curvature;
import org.netcompare.analysis.curvature.DimensionTable;
import org.netcompare.analysis.curvature.EuclideanComparison;
import org.netcompare.analysis.curvature.HessianFit;
import org.netcompare.analysis.curvature.SimilarRatio;
import org.netcompare.analysis.curvature.SimilarRatioTable;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Pca;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.data.Dataset;
import org.netcompare.nets.data.DatasetSplit;
import org.netcompare.nets.layers.Layer;
import org.netcompare.nets.model.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netcompare curvature}: the curvature comparison of two networks (METHODS.md section 1).
 * For each of the first {@code --images} test images of {@code --class} (in dataset order) it
 * makes the close data of the image ({@link CloseDataGenerator}, seeded by {@code --seed}),
 * collects the local patch at each layer for both networks, and per layer records: the patch
 * dimension of each network (table 1), the Euclidean comparison of the two patches (table 2),
 * and the similar ratio of their Riemann and sectional curvature distributions (table 3). Both
 * Hessian fits of one image and layer use the same tangent dimension, the smaller of the two
 * patch dimensions capped so the fit is determined (d + d(d+1)/2 unknowns at most the number of
 * neighbours), so that the two distributions have the same length.
 */
@Command(name = "curvature", mixinStandardHelpOptions = true,
        description = "Compare the local geometry (dimension, Euclidean fit, curvature) of two"
                + " models' layers around close data of test images.")
final class CurvatureCommand extends BaseCommand {

    /** Derivative images per forward pass. */
    private static final int BATCH = 64;

    @Option(names = "--model-a", paramLabel = "DIR", required = true,
            description = "First model directory (model.json and weights.safetensors).")
    Path modelA;

    @Option(names = "--model-b", paramLabel = "DIR", required = true,
            description = "Second model directory.")
    Path modelB;

    @Mixin
    DatasetOptions data;

    @Option(names = "--class", paramLabel = "C", defaultValue = "0",
            description = "Class of the test images (default: ${DEFAULT-VALUE}).")
    int label;

    @Option(names = "--images", paramLabel = "N", defaultValue = "10",
            description = "The first N test images of the class (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--layers", paramLabel = "a,b", defaultValue = "fc6,fc7,fc8", split = ",",
            description = "Layers of both models (default: ${DEFAULT-VALUE}).")
    List<String> layers;

    // With K = 6 on 28 x 28 images the derivative images left float32 activations unchanged
    // (patch dimension 0); K = 24 reaches singular values large enough to move them.
    @Option(names = "--close", paramLabel = "K", defaultValue = "24",
            description = "Smallest singular values to zero subsets of (default: ${DEFAULT-VALUE}).")
    int close;

    @Option(names = "--max-close", paramLabel = "M", defaultValue = "200",
            description = "At most M close images per image (default: ${DEFAULT-VALUE}).")
    int maxClose;

    @Option(names = "--variance", defaultValue = "0.9", paramLabel = "F",
            description = "Share of the variance the patch dimension keeps, in (0, 1]"
                    + " (default: ${DEFAULT-VALUE}).")
    double variance;

    @Mixin
    OutputOption out;

    /** Sums of the Euclidean comparison over images, for one layer. */
    private static final class Euclid {
        int count;
        double fullRmse;
        double reducedRmse;
        double distanceDifference;
        double rankA;
        double rankB;
    }

    @Override
    protected void run() throws Exception {
        if (!(variance > 0 && variance <= 1)) {
            throw new InvalidInputException("--variance must lie in (0, 1], got " + variance);
        }
        if (images < 1 || close < 1 || maxClose < 1) {
            throw new InvalidInputException("--images, --close and --max-close must be at least 1");
        }
        Sequential a = ModelDirectory.load(modelA).model();
        Sequential b = ModelDirectory.load(modelB).model();
        requireLayers(a, modelA);
        requireLayers(b, modelB);
        Dataset test = data.load(DatasetSplit.TEST);
        int[] indices;
        try {
            indices = test.classIndices(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--class: " + e.getMessage(), e);
        }
        if (indices.length < images) {
            throw new InvalidInputException("--images " + images + ": " + test.name()
                    + " test split has only " + indices.length + " images of class " + label);
        }
        DimensionTable dimensions = new DimensionTable();
        SimilarRatioTable ratios = new SimilarRatioTable();
        Map<String, Euclid> euclid = new LinkedHashMap<>();
        layers.forEach(layer -> euclid.put(layer, new Euclid()));
        List<String> warnings = new ArrayList<>();
        long closeImages = 0;
        Tensor all = test.images();
        for (int i = 0; i < images; i++) {
            int index = indices[i];
            Tensor image = all.slice(0, index, index + 1).contiguous()
                    .reshape(test.imageShape());
            Map<String, LocalPatch> patchesA = patches(a, image);
            Map<String, LocalPatch> patchesB = patches(b, image);
            closeImages = patchesA.get(layers.get(0)).size() - 1L;
            for (String layer : layers) {
                Matrix pa = patchesA.get(layer).points();
                Matrix pb = patchesB.get(layer).points();
                // One PCA per patch serves Table I and the reduced fit of Table II.
                Pca pcaA = EuclideanComparison.principalComponents(pa);
                Pca pcaB = EuclideanComparison.principalComponents(pb);
                int da = pcaA.dimensionForVariance(variance);
                int db = pcaB.dimensionForVariance(variance);
                dimensions.add("a", layer, da);
                dimensions.add("b", layer, db);
                addEuclid(euclid.get(layer), EuclideanComparison.of(pa, pb, pcaA, pcaB,
                        Math.max(Math.max(da, db), 1)));
                compareCurvature(ratios, warnings, "image " + index + " " + layer, pa, pb,
                        Math.min(da, db));
            }
            progress("curvature: " + (i + 1) + "/" + images + " images");
        }
        warnings.forEach(this::notice);
        out.write(result(indices, closeImages, dimensions, euclid, ratios, warnings), stdout());
    }

    private void requireLayers(Sequential model, Path dir) {
        List<String> names = model.layers().stream().map(Layer::name).toList();
        for (String layer : layers) {
            if (!names.contains(layer)) {
                throw new InvalidInputException("--layers: no layer named " + layer + " in "
                        + dir + "; layers are " + names);
            }
        }
    }

    /** Patches of a fresh, identically seeded generator, so both models see the same points. */
    private Map<String, LocalPatch> patches(Sequential model, Tensor image) {
        CloseDataGenerator generator = CloseDataGenerator.of(image, close, maxClose,
                common.seed(), BATCH, PixelRange.UNIT);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - rt.totalMemory() + rt.freeMemory();
        try {
            return LocalPatch.collect(model, layers, image, generator, free / 2);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static void addEuclid(Euclid sums, EuclideanComparison c) {
        sums.count++;
        sums.fullRmse += c.fullFit().rmse();
        sums.reducedRmse += c.reducedFit().rmse();
        sums.distanceDifference += c.meanDistanceDifference();
        sums.rankA += c.rankA();
        sums.rankB += c.rankB();
    }

    /**
     * Fits both patches at dimension {@code d} capped to a determined fit and adds their similar
     * ratios; a flat patch or a zero curvature in the denominator (r0 undefined) is skipped
     * with a warning.
     */
    private static void compareCurvature(SimilarRatioTable ratios, List<String> warnings,
            String where, Matrix pa, Matrix pb, int d) {
        int neighbours = pa.rows() - 1;
        int cap = Math.min(d, Math.min(neighbours, Math.min(pa.cols(), pb.cols())));
        while (cap > 0 && HessianFit.unknowns(cap) > neighbours) {
            cap--;
        }
        if (cap < 2) {
            warnings.add(where + ": tangent dimension " + cap + " has no curvature; skipped");
            return;
        }
        HessianFit.Result fitA = HessianFit.fit(pa, cap);
        HessianFit.Result fitB = HessianFit.fit(pb, cap);
        fitA.warnings().forEach(w -> warnings.add(where + " a: " + w));
        fitB.warnings().forEach(w -> warnings.add(where + " b: " + w));
        try {
            double riemann = SimilarRatio.of(Curvature.riemann(fitA.form()),
                    Curvature.riemann(fitB.form()));
            double sectional = SimilarRatio.of(Curvature.sectional(fitA.form()),
                    Curvature.sectional(fitB.form()));
            ratios.add(where.substring(where.lastIndexOf(' ') + 1), riemann, sectional);
        } catch (IllegalArgumentException e) {
            warnings.add(where + ": similar ratio undefined (" + e.getMessage() + "); skipped");
        }
    }

    private ObjectNode result(int[] indices, long closeImages, DimensionTable dimensions,
            Map<String, Euclid> euclid, SimilarRatioTable ratios, List<String> warnings) {
        ObjectNode root = JsonOutput.object();
        ArrayNode chosen = root.putArray("images");
        for (int i = 0; i < images; i++) {
            chosen.add(indices[i]);
        }
        root.put("model_a", modelA.toString());
        root.put("model_b", modelB.toString());
        root.put("class", label);
        JsonOutput.putStrings(root.putArray("layers"), layers);
        root.put("close_images", closeImages);
        ArrayNode table1 = root.putArray("table1");
        for (DimensionTable.Row row : dimensions.rows()) {
            ObjectNode o = table1.addObject();
            o.put("network", row.network());
            o.put("layer", row.layer());
            o.put("mean", row.mean());
            o.put("max", row.max());
        }
        ArrayNode table2 = root.putArray("table2");
        for (Map.Entry<String, Euclid> e : euclid.entrySet()) {
            Euclid s = e.getValue();
            ObjectNode o = table2.addObject();
            o.put("layer", e.getKey());
            o.put("full_fit_rmse", s.fullRmse / s.count);
            o.put("reduced_fit_rmse", s.reducedRmse / s.count);
            o.put("mean_distance_difference", s.distanceDifference / s.count);
            o.put("rank_a", s.rankA / s.count);
            o.put("rank_b", s.rankB / s.count);
        }
        ArrayNode table3 = root.putArray("table3");
        for (SimilarRatioTable.Row row : ratios.rows()) {
            ObjectNode o = table3.addObject();
            o.put("layer", row.layer());
            o.put("count", row.count());
            o.put("riemann_share", row.riemannShare());
            o.put("sectional_share", row.sectionalShare());
        }
        JsonOutput.putStrings(root.putArray("warnings"), warnings);
        return root;
    }
}
