package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.netcompare.analysis.data.SampleMatrices;
import org.netcompare.analysis.similarity.TwoNn;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Pca;
import org.netcompare.engine.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netcompare dimension}: how many dimensions a set of samples occupies. The PCA method
 * counts the leading eigenvalues of the sample covariance (n - 1 denominator) that hold the
 * requested share of the total variance; the TwoNN method ({@link TwoNn}) estimates the
 * intrinsic dimension from the ratio of each sample's two nearest-neighbour distances, a real
 * number that also sees curved, non-linear sets.
 */
@Command(name = "dimension", mixinStandardHelpOptions = true,
        description = "Estimate the dimension of the samples in a [samples, features...] .npy file.")
final class DimensionCommand extends BaseCommand {

    /** The estimators this command offers. */
    enum Method { pca, twonn }

    @Parameters(index = "0", paramLabel = "FILE", description = "Samples, [samples, features...].")
    Path input;

    @Option(names = "--method", defaultValue = "pca", paramLabel = "pca|twonn",
            description = "Estimator (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--variance", defaultValue = "0.9", paramLabel = "F",
            description = "Share of the variance the PCA dimension keeps, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double variance;

    @Option(names = "--fit-fraction", defaultValue = "0.9", paramLabel = "F",
            description = "TwoNN: share of the samples, smallest distance ratio first, in the fit,"
                    + " in (0, 1] (default: ${DEFAULT-VALUE}).")
    double fitFraction;

    @Mixin
    OutputOption out;

    @Override
    protected void run() throws Exception {
        if (method == Method.twonn) {
            runTwoNn();
            return;
        }
        if (!(variance > 0 && variance <= 1)) {
            throw new InvalidInputException("--variance must lie in (0, 1], got " + variance);
        }
        Matrix samples = SampleMatrices.read(input, 2);
        Pca pca = new Pca();
        pca.fit(samples);
        verbose("pca of " + samples.rows() + " x " + samples.cols() + " through the "
                + pca.route() + " route");

        ObjectNode result = JsonOutput.object();
        result.put("file", input.toString());
        result.put("method", method.name());
        result.put("samples", samples.rows());
        result.put("features", samples.cols());
        result.put("variance", variance);
        result.put("dimension", pca.dimensionForVariance(variance));
        JsonOutput.putDoubles(result.putArray("eigenvalues"), pca.eigenvalues());
        JsonOutput.putDoubles(result.putArray("explained_variance_ratio"),
                pca.explainedVarianceRatio());
        out.write(result, stdout());
    }

    private void runTwoNn() throws Exception {
        if (!(fitFraction > 0 && fitFraction <= 1)) {
            throw new InvalidInputException("--fit-fraction must lie in (0, 1], got " + fitFraction);
        }
        Tensor points = SampleMatrices.readPoints(input, 3);
        TwoNn.Estimate estimate;
        try {
            estimate = TwoNn.estimate(points, fitFraction);
        } catch (IllegalArgumentException tooFew) {
            throw new InvalidInputException(input + ": " + tooFew.getMessage(), tooFew);
        }
        ObjectNode result = JsonOutput.object();
        result.put("file", input.toString());
        result.put("method", method.name());
        result.put("samples", points.dim(0));
        result.put("features", points.dim(1));
        result.put("dimension", estimate.dimension());
        result.put("fit_fraction", fitFraction);
        result.put("points_fitted", estimate.fitted());
        result.put("points_dropped", estimate.dropped());
        out.write(result, stdout());
    }
}
