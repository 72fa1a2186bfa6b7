package org.netcompare.analysis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.netcompare.analysis.curvature.Curvature;
import org.netcompare.analysis.curvature.HessianFit;
import org.netcompare.analysis.curvature.PatchDimension;
import org.netcompare.analysis.data.SampleMatrices;
import org.netcompare.engine.linalg.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netcompare curvature-patch}: the curvature of one local patch at its base point (row
 * 0), as METHODS.md section 1 describes: the patch dimension by PCA unless {@code --dim} gives
 * it, the Hessian fit of the normal coordinates ({@link HessianFit}), and the Riemann and
 * sectional curvatures by the Gauss equation ({@link Curvature}), each sorted descending.
 */
@Command(name = "curvature-patch", mixinStandardHelpOptions = true,
        description = "Riemann and sectional curvature at row 0 of a [points, features...] .npy"
                + " patch.")
final class CurvaturePatchCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "PATCH",
            description = "Points, [points, features...]; row 0 is the base point.")
    Path input;

    @Option(names = "--dim", paramLabel = "D",
            description = "Tangent dimension (default: the PCA dimension of the patch).")
    Integer dimension;

    @Option(names = "--variance", defaultValue = "0.9", paramLabel = "F",
            description = "Share of the variance the PCA dimension keeps, in (0, 1]"
                    + " (default: ${DEFAULT-VALUE}).")
    double variance;

    @Mixin
    OutputOption out;

    @Override
    protected void run() throws Exception {
        if (!(variance > 0 && variance <= 1)) {
            throw new InvalidInputException("--variance must lie in (0, 1], got " + variance);
        }
        Matrix patch = SampleMatrices.read(input, 2);
        int d = dimension != null ? dimension : PatchDimension.of(patch, variance);
        if (d == 0) {
            throw new InvalidInputException(input + ": all points coincide, the patch has no"
                    + " dimension");
        }
        HessianFit.Result fit;
        try {
            fit = HessianFit.fit(patch, d);
        } catch (IllegalArgumentException bad) {
            throw new InvalidInputException(input + ": " + bad.getMessage(), bad);
        }
        fit.warnings().forEach(this::notice);

        ObjectNode result = JsonOutput.object();
        result.put("file", input.toString());
        result.put("points", patch.rows());
        result.put("ambient_dim", patch.cols());
        result.put("dimension", d);
        JsonOutput.putDoubles(result.putArray("sectional"), Curvature.sectional(fit.form()));
        JsonOutput.putDoubles(result.putArray("riemann"), Curvature.riemann(fit.form()));
        JsonOutput.putStrings(result.putArray("warnings"), fit.warnings());
        out.write(result, stdout());
    }
}
