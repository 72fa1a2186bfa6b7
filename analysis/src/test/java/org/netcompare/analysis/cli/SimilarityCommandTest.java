package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS =
            List.of("cka_linear", "cka_debiased", "cka_rbf", "cca_mean", "svcca", "pwcca");

    @TempDir
    Path dir;

    /**
     * The 12 x 3 and 12 x 4 matrices of the NumPy reference values in CkaTest and CcaTest:
     * {@code X[i, j] = sin(1.3 i (j + 1) + j)},
     * {@code Y[i, j] = cos(0.9 i (j + 1)) + 0.5 X[i, (0, 1, 2, 0)[j]]}.
     */
    private Path referenceX() throws IOException {
        return NpyBytes.writeFloat64(dir.resolve("x.npy"), 12, 3, referenceValues(false));
    }

    private Path referenceY() throws IOException {
        return NpyBytes.writeFloat64(dir.resolve("y.npy"), 12, 4, referenceValues(true));
    }

    private static double[] referenceValues(boolean y) {
        int[] source = {0, 1, 2, 0};
        int cols = y ? 4 : 3;
        double[] values = new double[12 * cols];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < cols; j++) {
                double x = Math.sin(1.3 * i * (source[j] + 1) + source[j]);
                values[i * cols + j] = y ? Math.cos(0.9 * i * (j + 1)) + 0.5 * x
                        : Math.sin(1.3 * i * (j + 1) + j);
            }
        }
        return values;
    }

    private Path gaussian(String name, int rows, int cols, long seed) throws IOException {
        Random random = new Random(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return NpyBytes.writeFloat64(dir.resolve(name), rows, cols, values);
    }

    /**
     * All six indices of the reference pair. Expected values: /usr/bin/python3 with NumPy, see
     * CkaTest and CcaTest; files are read as float32, so agreement is to about 1e-6.
     */
    @Test
    void pairGivesEveryIndexUnderItsKey() throws IOException {
        CommandRunner run = CommandRunner.run("similarity", referenceX().toString(),
                referenceY().toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(12, result.get("samples").asInt());
        assertEquals(3, result.get("features_a").asInt());
        assertEquals(4, result.get("features_b").asInt());
        assertEquals(0.5, result.get("rbf_fraction").asDouble());
        assertEquals(0.99, result.get("svcca_variance").asDouble());
        assertEquals(0, result.get("warnings").size());
        double[] numpy = {0.3250629615699288, 0.10247993060191594, 0.4499568359159373,
            0.6990926470394986, Double.NaN, 0.6994582077136754};
        for (int m = 0; m < KEYS.size(); m++) {
            assertTrue(result.get(KEYS.get(m)).isNumber(), KEYS.get(m));
            if (!Double.isNaN(numpy[m])) {
                assertEquals(numpy[m], result.get(KEYS.get(m)).asDouble(), 1e-5, KEYS.get(m));
            }
        }
        CommandRunner two = CommandRunner.run("similarity", referenceX().toString(),
                referenceY().toString(), "--measures", "svcca", "--svcca-directions", "2");
        JsonNode svcca = JSON.readTree(two.out());
        assertEquals(0.5331104190602851, svcca.get("svcca").asDouble(), 1e-5);
        assertEquals(2, svcca.get("svcca_directions").asInt());
        assertFalse(svcca.has("cka_linear"));
    }

    @Test
    void moreFeaturesThanSamplesGivesCcaWarningsNotOnes() throws IOException {
        Path wide = gaussian("wide.npy", 20, 30, 1);
        Path narrow = gaussian("narrow.npy", 20, 5, 2);
        CommandRunner run = CommandRunner.run("similarity", wide.toString(), narrow.toString(),
                "--measures", "cka,cca,pwcca");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertTrue(result.get("cca_mean").isNull(), run.out());
        assertTrue(result.get("pwcca").isNull(), run.out());
        assertTrue(result.get("cka_linear").isNumber(), run.out());
        assertEquals(2, result.get("warnings").size());
        assertTrue(result.get("warnings").get(0).asText().startsWith(
                "cca_mean: left out; CCA is degenerate: X spans 19 and Y 5 dimensions"),
                run.out());
        assertTrue(run.err().contains("similarity: warning: cca_mean: left out; CCA is degenerate"),
                run.err());
    }

    @Test
    void badInputsAreOneLineErrors() throws IOException {
        Path a = gaussian("a.npy", 10, 3, 3);
        Path b = gaussian("b.npy", 11, 3, 4);
        Path nan = NpyBytes.writeFloat64(dir.resolve("nan.npy"), 10, 1,
                new double[] {1, 2, 3, Double.NaN, 5, 6, 7, 8, 9, 10});
        Path one = NpyBytes.writeFloat64(dir.resolve("one.npy"), 1, 2, new double[] {1, 2});
        String[][] cases = {
            {"similarity", a.toString(), b.toString()},
            {"similarity", a.toString(), nan.toString()},
            {"similarity", one.toString(), one.toString()},
            {"similarity", a.toString()},
            {"similarity", a.toString(), a.toString(), "--measures", "cka,magic"},
            {"similarity", a.toString(), a.toString(), "--rbf-fraction", "0"},
            {"similarity", a.toString(), a.toString(), "--svcca-variance", "1.5"},
            {"similarity", a.toString(), a.toString(), "--svcca-directions", "0"},
            {"similarity", "--acts-b", dir.toString()}};
        String[] expected = {
            "11 samples but " + a + " has 10; both must hold the same samples",
            "sample 3, feature 0 is NaN",
            "1 samples, at least 2 needed",
            "give two .npy files",
            "unknown measure 'magic'",
            "--rbf-fraction must be positive",
            "--svcca-variance must lie in (0, 1]",
            "--svcca-directions must be at least 1",
            "--acts-b needs --acts"};
        for (int c = 0; c < cases.length; c++) {
            CommandRunner run = CommandRunner.run(cases[c]);
            assertEquals(2, run.status(), String.join(" ", cases[c]));
            assertTrue(run.errIsOneLine(), run.err());
            assertTrue(run.err().contains(expected[c]), run.err());
        }
        Path constant = NpyBytes.writeFloat64(dir.resolve("constant.npy"), 10, 3, new double[30]);
        CommandRunner flat = CommandRunner.run("similarity", a.toString(), constant.toString());
        assertEquals(2, flat.status());
        assertTrue(flat.errIsOneLine(), flat.err());
        assertTrue(flat.err().contains("(Y): Y has no variance"), flat.err());
    }

    /**
     * Network A has layers (p, q), network B (q, r, p) as copies of the same files: the
     * matrices are 2 x 3, CKA is 1 where a layer meets its own copy, and every entry equals the
     * pair command's value for those two files.
     */
    @Test
    void matrixModeComparesEveryLayerPair() throws IOException {
        Path p = gaussian("p.npy", 40, 3, 5);
        Path q = gaussian("q.npy", 40, 6, 6);
        Path r = gaussian("r.npy", 40, 4, 7);
        Path netA = Files.createDirectory(dir.resolve("a"));
        Path netB = Files.createDirectory(dir.resolve("b"));
        for (Path layer : List.of(p, q, r)) {
            Files.copy(layer, netA.resolve(layer.getFileName()));
            Files.copy(layer, netB.resolve(layer.getFileName()));
        }
        Files.writeString(netA.resolve("layers.json"), "{\"layers\": ["
                + "{\"name\": \"p\", \"file\": \"p.npy\"}, {\"name\": \"q\", \"file\": \"q.npy\"}]}");
        Files.writeString(netB.resolve("layers.json"), "{\"layers\": ["
                + "{\"name\": \"q\", \"file\": \"q.npy\"}, {\"name\": \"r\", \"file\": \"r.npy\"},"
                + " {\"name\": \"p\", \"file\": \"p.npy\"}]}");
        CommandRunner run = CommandRunner.run("similarity", "--acts", netA.toString(),
                "--acts-b", netB.toString(), "--measures", "cka,cca,pwcca");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("[\"p\",\"q\"]", result.get("names").toString());
        assertEquals("[\"q\",\"r\",\"p\"]", result.get("names_b").toString());
        assertEquals(40, result.get("samples").asInt());
        JsonNode cka = result.get("matrices").get("cka_linear");
        assertEquals(2, cka.size());
        assertEquals(3, cka.get(0).size());
        assertEquals(1, cka.get(0).get(2).asDouble(), 1e-6);
        assertEquals(1, cka.get(1).get(0).asDouble(), 1e-6);
        List<Path> rows = List.of(p, q);
        List<Path> cols = List.of(q, r, p);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                JsonNode pair = JSON.readTree(CommandRunner.run("similarity",
                        rows.get(i).toString(), cols.get(j).toString(), "--measures",
                        "cka,cca,pwcca").out());
                for (String key : List.of("cka_linear", "cca_mean", "pwcca")) {
                    assertEquals(pair.get(key).asDouble(),
                            result.get("matrices").get(key).get(i).get(j).asDouble(), 0,
                            key + " " + i + "," + j);
                }
            }
        }
        CommandRunner self = CommandRunner.run("similarity", "--acts", netA.toString(),
                "--measures", "cka");
        JsonNode square = JSON.readTree(self.out()).get("matrices").get("cka_linear");
        assertEquals(2, square.size());
        assertEquals(2, square.get(0).size());
    }
}
