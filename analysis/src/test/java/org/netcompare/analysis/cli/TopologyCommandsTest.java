package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.tensor.Tensor;

class TopologyCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path layer(String name, int features, float... values) throws IOException {
        Path file = dir.resolve(name + ".npy");
        Npy.write(file, Tensor.wrap(values, values.length / features, features));
        return file;
    }

    /**
     * Points on a line, worked by hand. a = 0, 1, 3, 7 has nearest neighbours 1, 0, 1, 2;
     * b = 0, 5, 6, 20 has 1, 2, 1, 2. With k = 1 the samples agree, disagree, agree, agree:
     * IoU 1, 0, 1, 1, mean 0.75. With k = 2 both give {1,2}, {0,2}, {0,1}, {1,2}: mean 1.
     */
    @Test
    void nntsOfHandWorkedLayersMatchesTheirIoU() throws IOException {
        Path a = layer("a", 1, 0, 1, 3, 7);
        Path b = layer("b", 1, 0, 5, 6, 20);
        CommandRunner run = CommandRunner.run("nnts", a.toString(), b.toString(), "--k", "2,1");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("[\"a\",\"b\"]", result.get("names").toString());
        assertEquals("[1,2]", result.get("k").toString());
        assertEquals(4, result.get("samples").asInt());
        assertEquals("[[1.0,0.75],[0.75,1.0]]", result.get("matrices").get("1").toString());
        assertEquals("[[1.0,1.0],[1.0,1.0]]", result.get("matrices").get("2").toString());
    }

    /** A rotated, scaled and translated copy of a layer has the same neighbours everywhere. */
    @Test
    void nntsIsOneForASimilarityTransformedCopy() throws IOException {
        int n = 40;
        int d = 6;
        Random random = new Random(7);
        float[] points = new float[n * d];
        for (int i = 0; i < points.length; i++) {
            points[i] = (float) random.nextGaussian();
        }
        // Householder reflection I - 2 v v^T / |v|^2 (orthogonal), then scale 3 and shift.
        double[] v = {1, -2, 0.5, 3, 0, 1};
        double vv = 0;
        for (double x : v) {
            vv += x * x;
        }
        double[] moved = new double[n * d];
        float[] copy = new float[n * d];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += v[j] * points[i * d + j];
            }
            for (int j = 0; j < d; j++) {
                moved[i * d + j] = 3 * (points[i * d + j] - 2 * dot / vv * v[j]) + 10 * j;
                copy[i * d + j] = (float) moved[i * d + j];
            }
        }
        Path original = layer("original", d, points);
        Path transformed = layer("transformed", d, copy);
        CommandRunner run = CommandRunner.run("nnts", original.toString(), transformed.toString(),
                "--k", "3,8");
        assertEquals(0, run.status(), run.err());
        JsonNode matrices = JSON.readTree(run.out()).get("matrices");
        for (String k : new String[] {"3", "8"}) {
            assertEquals("[[1.0,1.0],[1.0,1.0]]", matrices.get(k).toString(), "k = " + k);
        }
    }

    /**
     * Scaling each sample by its own positive factor keeps every direction, hence every cosine
     * neighbour, but moves Euclidean neighbours: cosine NNTS is 1, Euclidean below 1.
     */
    @Test
    void cosineMetricIgnoresPerSampleScaling() throws IOException {
        int n = 40;
        int d = 6;
        Random random = new Random(11);
        float[] points = new float[n * d];
        float[] scaled = new float[n * d];
        for (int i = 0; i < n; i++) {
            double factor = 0.2 + 5 * random.nextDouble();
            for (int j = 0; j < d; j++) {
                points[i * d + j] = (float) random.nextGaussian();
                scaled[i * d + j] = (float) (factor * points[i * d + j]);
            }
        }
        Path original = layer("original", d, points);
        Path copy = layer("scaled", d, scaled);
        CommandRunner cosine = CommandRunner.run("nnts", original.toString(), copy.toString(),
                "--k", "3", "--metric", "cosine");
        assertEquals(0, cosine.status(), cosine.err());
        JsonNode result = JSON.readTree(cosine.out());
        assertEquals("cosine", result.get("metric").asText());
        assertEquals("[[1.0,1.0],[1.0,1.0]]", result.get("matrices").get("3").toString());

        CommandRunner euclidean = CommandRunner.run("nnts", original.toString(), copy.toString(),
                "--k", "3");
        assertEquals(0, euclidean.status(), euclidean.err());
        JsonNode plain = JSON.readTree(euclidean.out());
        assertEquals("euclidean", plain.get("metric").asText());
        assertTrue(plain.get("matrices").get("3").get(0).get(1).asDouble() < 0.9,
                plain.toString());

        // Both layers have the same cosine graph, so every edge runs from the first to the last.
        CommandRunner persistence = CommandRunner.run("nntp", original.toString(),
                copy.toString(), "--k", "3", "--metric", "cosine");
        assertEquals(0, persistence.status(), persistence.err());
        JsonNode table = JSON.readTree(persistence.out());
        assertEquals("cosine", table.get("metric").asText());
        assertEquals(0, table.get("table").get(0).get(0).asLong());
        assertTrue(table.get("table").get(0).get(1).asLong() >= n * 3 / 2, table.toString());
        assertEquals(0, table.get("table").get(1).get(1).asLong());
    }

    @Test
    void nntsAcrossTwoCaptureDirectoriesIsRectangular() throws IOException {
        Path netA = Files.createDirectory(dir.resolve("netA"));
        Path netB = Files.createDirectory(dir.resolve("netB"));
        Npy.write(netA.resolve("x.npy"), Tensor.wrap(new float[] {0, 1, 3, 7}, 4, 1));
        Npy.write(netB.resolve("u.npy"), Tensor.wrap(new float[] {0, 5, 6, 20}, 4, 1));
        Npy.write(netB.resolve("w.npy"), Tensor.wrap(new float[] {0, 1, 3, 7}, 4, 1));
        Files.writeString(netA.resolve("layers.json"),
                "{\"layers\": [{\"name\": \"x\", \"file\": \"x.npy\"}]}");
        Files.writeString(netB.resolve("layers.json"), "{\"layers\": ["
                + "{\"name\": \"u\", \"file\": \"u.npy\"}, {\"name\": \"w\", \"file\": \"w.npy\"}]}");
        CommandRunner run = CommandRunner.run("nnts", "--acts", netA.toString(),
                "--acts-b", netB.toString(), "--k", "1");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("[\"x\"]", result.get("names").toString());
        assertEquals("[\"u\",\"w\"]", result.get("names_b").toString());
        assertEquals("[[0.75,1.0]]", result.get("matrices").get("1").toString());
    }

    /**
     * Three hand-worked layers in the order a, c, b: a and b have the undirected 1-NN edges
     * {0,1}, {1,2}, {2,3}; c = 0, 10, 11, 1 has {0,3}, {1,2}. Edge {1,2} persists through all
     * three layers; {0,1} and {2,3} skip c, so with alpha = 0 each makes two transient runs and
     * with alpha = 1 one run from a to b; {0,3} is transient in c.
     */
    @Test
    void nntpTableCountsHandWorkedRuns() throws IOException {
        Path a = layer("a", 1, 0, 1, 3, 7);
        Path c = layer("c", 1, 0, 10, 11, 1);
        Path b = layer("b", 1, 0, 5, 6, 20);
        CommandRunner strict = CommandRunner.run("nntp", a.toString(), c.toString(), b.toString(),
                "--k", "1");
        assertEquals(0, strict.status(), strict.err());
        JsonNode result = JSON.readTree(strict.out());
        assertEquals("[\"a\",\"c\",\"b\"]", result.get("names").toString());
        assertEquals(1, result.get("k").asInt());
        assertEquals(0, result.get("alpha").asInt());
        assertEquals("[[2,0,1],[0,1,0],[0,0,2]]", result.get("table").toString());

        CommandRunner tolerant = CommandRunner.run("nntp", a.toString(), c.toString(),
                b.toString(), "--k", "1", "--alpha", "1");
        assertEquals(0, tolerant.status(), tolerant.err());
        assertEquals("[[0,0,3],[0,1,0],[0,0,0]]",
                JSON.readTree(tolerant.out()).get("table").toString());
    }

    @Test
    void resultGoesToTheOutFileWhenAsked() throws IOException {
        Path a = layer("a", 1, 0, 1, 3, 7);
        Path out = dir.resolve("result.json");
        CommandRunner run = CommandRunner.run("nntp", a.toString(), "--k", "1", "--out",
                out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals("[[3]]", JSON.readTree(out.toFile()).get("table").toString());
    }

    @Test
    void badInputEndsInOneLineNamingTheProblem() throws IOException {
        Path four = layer("four", 1, 0, 1, 3, 7);
        Path three = layer("three", 1, 0, 1, 3);
        Path nan = layer("nan", 1, 0, Float.NaN, 3, 7);
        String[][] cases = {
            {"k = 4 but only 4 samples", "nnts", four.toString(), "--k", "4"},
            {"--k must be at least 1", "nnts", four.toString(), "--k", "0"},
            {"3 samples but", "nnts", four.toString(), three.toString(), "--k", "1"},
            {"sample 1, feature 0 is NaN", "nntp", four.toString(), nan.toString(), "--k", "1"},
            {"--alpha must not be negative", "nntp", four.toString(), "--alpha", "-1"},
            {"not both", "nntp", four.toString(), "--acts", dir.toString()},
            {"no layers", "nnts"},
            {"--acts-b needs --acts", "nnts", four.toString(), "--acts-b", dir.toString()},
            {"no such file", "nnts", dir.resolve("missing.npy").toString()},
            {"zero.npy: points row 2 is zero: the cosine distance is undefined", "nntp",
                layer("zero", 2, 1, 2, 3, 4, 0, 0, 5, 6).toString(), "--k", "1", "--metric",
                "cosine"},
            {"'manhattan' is not a metric; expected euclidean or cosine", "nnts",
                four.toString(), "--metric", "manhattan"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CommandRunner run = CommandRunner.run(args);
            assertEquals(ExitCode.BAD_INPUT, run.status(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(c[0]), run.err());
            assertTrue(run.errIsOneLine(), run.err());
            assertEquals("", run.out());
        }
    }
}
