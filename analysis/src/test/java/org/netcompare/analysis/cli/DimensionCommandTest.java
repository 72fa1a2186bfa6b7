package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DimensionCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * Eight samples in five features whose centred coordinates along the first three axes are
     * 3, 2 and 1 times three mutually orthogonal zero-mean +-1 patterns (rows of the Sylvester
     * Hadamard matrix of order 8), on top of a constant offset. The covariance (n - 1 = 7) then
     * has eigenvalues exactly 9 * 8/7, 4 * 8/7, 8/7, 0, 0.
     */
    private Path plantedSamples() throws IOException {
        int[][] patterns = {
            {1, -1, 1, -1, 1, -1, 1, -1},
            {1, 1, -1, -1, 1, 1, -1, -1},
            {1, -1, -1, 1, 1, -1, -1, 1}};
        double[] scales = {3, 2, 1};
        double[] offset = {10, -4, 7, 0.5, 2};
        double[] values = new double[8 * 5];
        for (int sample = 0; sample < 8; sample++) {
            for (int feature = 0; feature < 5; feature++) {
                double v = offset[feature];
                if (feature < 3) {
                    v += scales[feature] * patterns[feature][sample];
                }
                values[sample * 5 + feature] = v;
            }
        }
        return NpyBytes.writeFloat64(dir.resolve("planted.npy"), 8, 5, values);
    }

    @Test
    void plantedSpectrumGivesKnownEigenvaluesAndDimensions() throws IOException {
        Path input = plantedSamples();
        CommandRunner run = CommandRunner.run("dimension", input.toString(), "--variance", "0.9");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("pca", result.get("method").asText());
        assertEquals(8, result.get("samples").asInt());
        assertEquals(5, result.get("features").asInt());
        assertEquals(0.9, result.get("variance").asDouble());
        // cumulative ratios 9/14, 13/14, 1: 0.9 needs two components
        assertEquals(2, result.get("dimension").asInt());
        double[] expected = {72.0 / 7, 32.0 / 7, 8.0 / 7, 0, 0};
        JsonNode eigenvalues = result.get("eigenvalues");
        assertEquals(5, eigenvalues.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], eigenvalues.get(i).asDouble(), 1e-12, "eigenvalue " + i);
            assertEquals(expected[i] / 16, result.get("explained_variance_ratio").get(i).asDouble(),
                    1e-13, "ratio " + i);
        }
        assertEquals(1, dimension(input, "0.6"));
        assertEquals(3, dimension(input, "0.95"));
        // Rounding must not push the full variance past the three non-zero components.
        assertEquals(3, dimension(input, "1"));
    }

    private int dimension(Path input, String variance) throws IOException {
        CommandRunner run = CommandRunner.run("dimension", input.toString(), "--variance", variance);
        assertEquals(0, run.status(), run.err());
        return JSON.readTree(run.out()).get("dimension").asInt();
    }

    /**
     * TwoNN on x_i = 2^i (i = 0..11, one feature): ten samples have mu = 1.5, one mu = 2 and
     * one mu = 3 (see TwoNnTest); fitting all but the last gives a closed-form slope.
     */
    @Test
    void twonnGivesTheClosedFormSlopeAndItsCounts() throws IOException {
        double[] values = new double[12];
        for (int i = 0; i < 12; i++) {
            values[i] = Math.pow(2, i);
        }
        Path input = NpyBytes.writeFloat64(dir.resolve("line.npy"), 12, 1, values);
        CommandRunner run = CommandRunner.run("dimension", input.toString(), "--method", "twonn",
                "--fit-fraction", "1");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        double xy = 0;
        double xx = 0;
        for (int i = 1; i <= 11; i++) {
            double x = Math.log(i <= 10 ? 1.5 : 2);
            xy += x * -Math.log(1 - i / 12.0);
            xx += x * x;
        }
        assertEquals("twonn", result.get("method").asText());
        assertEquals(xy / xx, result.get("dimension").asDouble(), 1e-12);
        assertEquals(12, result.get("samples").asInt());
        assertEquals(1, result.get("features").asInt());
        assertEquals(1.0, result.get("fit_fraction").asDouble());
        assertEquals(11, result.get("points_fitted").asInt());
        assertEquals(0, result.get("points_dropped").asInt());
    }

    @Test
    void twonnRefusesBadFractionsAndCoincidentSamplesInOneLine() throws IOException {
        Path input = plantedSamples();
        CommandRunner fraction = CommandRunner.run("dimension", input.toString(), "--method",
                "twonn", "--fit-fraction", "0");
        assertEquals(2, fraction.status());
        assertTrue(fraction.err().contains("--fit-fraction must lie in (0, 1], got 0.0"),
                fraction.err());
        Path same = NpyBytes.writeFloat64(dir.resolve("same.npy"), 4, 2, new double[8]);
        CommandRunner coincident = CommandRunner.run("dimension", same.toString(), "--method",
                "twonn");
        assertEquals(2, coincident.status());
        assertTrue(coincident.errIsOneLine(), coincident.err());
        assertTrue(coincident.err().contains(same + ": TwoNN: only 0 of 4 points"),
                coincident.err());
    }

    /** Figures from NumPy 1.24 (np.cov of the float64 images, eigvalsh) on the bundled subset. */
    @Test
    void bundledFashionMnistSubsetMatchesNumPy() throws IOException {
        Path input = Path.of("..", "examples", "fashion-mnist-test-1000.npy");
        CommandRunner run = CommandRunner.run("dimension", input.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(1000, result.get("samples").asInt());
        assertEquals(784, result.get("features").asInt());
        assertEquals(69, result.get("dimension").asInt());
        double[] numpy = {1319716.32834464, 763149.17096518, 264373.65934305};
        for (int i = 0; i < numpy.length; i++) {
            assertEquals(numpy[i], result.get("eigenvalues").get(i).asDouble(), 1e-9 * numpy[i]);
        }
    }

    @Test
    void outWritesTheJsonFileAndNothingElse() throws IOException {
        Path input = plantedSamples();
        Path results = Files.createDirectory(dir.resolve("results"));
        Path out = results.resolve("dimension.json");
        CommandRunner run = CommandRunner.run("dimension", input.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(2, JSON.readTree(out.toFile()).get("dimension").asInt());
        try (Stream<Path> files = Files.list(results)) {
            assertEquals(1, files.count(), "no temporary file is left beside the result");
        }
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        Path missing = dir.resolve("absent.npy");
        CommandRunner run = CommandRunner.run("dimension", missing.toString());
        assertEquals(2, run.status());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(missing + ": no such file"), run.err());
    }

    @Test
    void notAnNpyFileNamesTheFile() throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.npy"), "this is not numpy data at all");
        CommandRunner run = CommandRunner.run("dimension", bogus.toString());
        assertEquals(2, run.status());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(bogus.toString()), run.err());
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path input = plantedSamples();
        byte[] bytes = Files.readAllBytes(input);
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 9));
        CommandRunner run = CommandRunner.run("dimension", cut.toString());
        assertEquals(2, run.status());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(cut.toString()), run.err());
    }

    @Test
    void nanIsRejectedWithItsPosition() throws IOException {
        double[] values = {1, 2, 3, 4, 5, Double.NaN, 7, 8, 9};
        Path input = NpyBytes.writeFloat64(dir.resolve("nan.npy"), 3, 3, values);
        CommandRunner run = CommandRunner.run("dimension", input.toString());
        assertEquals(2, run.status());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains("sample 1, feature 2 is NaN"), run.err());
    }

    @Test
    void oneSampleIsTooFew() throws IOException {
        Path input = NpyBytes.writeFloat64(dir.resolve("one.npy"), 1, 3, new double[] {1, 2, 3});
        CommandRunner run = CommandRunner.run("dimension", input.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("1 samples, at least 2 needed"), run.err());
    }

    @Test
    void badFlagsAreUsageErrors() throws IOException {
        Path input = plantedSamples();
        for (String[] args : new String[][] {
                {"dimension", input.toString(), "--variance", "1.5"},
                {"dimension", input.toString(), "--variance", "0"},
                {"dimension", input.toString(), "--threads", "0"},
                {"dimension", input.toString(), "--method", "magic"},
                {"dimension"},
                {"no-such-command"}}) {
            CommandRunner run = CommandRunner.run(args);
            assertEquals(2, run.status(), String.join(" ", args));
            assertTrue(run.errIsOneLine(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void verboseSaysWhichComputePathsRan() throws IOException {
        Path input = plantedSamples();
        CommandRunner run = CommandRunner.run("dimension", input.toString(), "--verbose",
                "--backend", "cpu", "--threads", "1");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("compute: cpu backend, gemm "
                + org.netcompare.engine.gemm.Sgemm.implementation() + ", 1 threads"), run.err());
        CommandRunner quiet = CommandRunner.run("dimension", input.toString());
        assertEquals("", quiet.err());
    }

    @Test
    void helpAndVersionSucceed() {
        CommandRunner help = CommandRunner.run("dimension", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--variance"), help.out());
        CommandRunner version = CommandRunner.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().contains("netcompare"), version.out());
    }
}
