package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * 60 samples; A = [s1, s2, noise, noise], B = [s1 + s2, s1 - s2, noise]: the maximum match at
     * any small eps is A's first two and B's first two neurons, similarity 4/7.
     */
    private Path[] planted() throws IOException {
        Random random = new Random(3);
        int n = 60;
        double[] a = new double[n * 4];
        double[] b = new double[n * 3];
        for (int i = 0; i < n; i++) {
            double s1 = random.nextGaussian();
            double s2 = random.nextGaussian();
            a[i * 4] = s1;
            a[i * 4 + 1] = s2;
            a[i * 4 + 2] = random.nextGaussian();
            a[i * 4 + 3] = random.nextGaussian();
            b[i * 3] = s1 + s2;
            b[i * 3 + 1] = s1 - s2;
            b[i * 3 + 2] = random.nextGaussian();
        }
        return new Path[] {NpyBytes.writeFloat64(dir.resolve("a.npy"), n, 4, a),
                NpyBytes.writeFloat64(dir.resolve("b.npy"), n, 3, b)};
    }

    @Test
    void plantedMatchGivesTheDocumentedKeys() throws IOException {
        Path[] files = planted();
        CommandRunner run = CommandRunner.run("match", files[0].toString(), files[1].toString(),
                "--eps", "0.3,0.05");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(2, result.get("eps").size());
        assertEquals(0.3, result.get("eps").get(0).asDouble());
        assertEquals(0.05, result.get("eps").get(1).asDouble());
        for (int i = 0; i < 2; i++) {
            assertEquals(4.0 / 7, result.get("similarity").get(i).asDouble(), 1e-15);
            assertEquals(2, result.get("x_size").get(i).asInt());
            assertEquals(2, result.get("y_size").get(i).asInt());
            assertTrue(result.get("x_size").get(i).isIntegralNumber());
        }
        assertEquals(4, result.get("neurons_x").asInt());
        assertEquals(3, result.get("neurons_y").asInt());
        assertEquals(60, result.get("samples").asInt());
        assertTrue(result.get("simple") == null);
    }

    /** s1 alone is no match for s1 + s2: the only simple match is all four planted neurons. */
    @Test
    void simpleReportsTheSizeDistribution() throws IOException {
        Path[] files = planted();
        CommandRunner run = CommandRunner.run("match", files[0].toString(), files[1].toString(),
                "--eps", "0.2", "--simple", "--verbose");
        assertEquals(0, run.status(), run.err());
        JsonNode simple = JSON.readTree(run.out()).get("simple").get(0);
        assertEquals(0.2, simple.get("eps").asDouble());
        assertEquals(4, simple.get("neurons_in_match").asInt());
        assertEquals(4, simple.get("neurons_examined").asInt());
        assertTrue(simple.get("complete").asBoolean());
        assertEquals(1, simple.get("matches").asInt());
        assertEquals(1, simple.get("size_counts").get("4").asInt());
        assertTrue(run.err().contains("simple matches at eps 0.2: 4 of 4 neurons"), run.err());
    }

    /**
     * [samples, C, H, W] is matched channel by channel: layer B's channels are A's channels 1
     * and 0 swapped plus one channel of noise, so A's two channels match B's first two.
     */
    @Test
    void convolutionalInputIsRecognisedAndSampled() throws IOException {
        Random random = new Random(5);
        int samples = 10;
        int positions = 3 * 4;
        double[] a = new double[samples * 2 * positions];
        double[] b = new double[samples * 3 * positions];
        for (int n = 0; n < samples; n++) {
            for (int p = 0; p < positions; p++) {
                double c0 = random.nextGaussian();
                double c1 = random.nextGaussian();
                a[(n * 2) * positions + p] = c0;
                a[(n * 2 + 1) * positions + p] = c1;
                b[(n * 3) * positions + p] = 2 * c1;
                b[(n * 3 + 1) * positions + p] = -c0;
                b[(n * 3 + 2) * positions + p] = random.nextGaussian();
            }
        }
        Path fa = NpyBytes.writeFloat64(dir.resolve("ca.npy"), new int[] {samples, 2, 3, 4}, a);
        Path fb = NpyBytes.writeFloat64(dir.resolve("cb.npy"), new int[] {samples, 3, 3, 4}, b);
        CommandRunner run = CommandRunner.run("match", fa.toString(), fb.toString(), "--eps",
                "0.1", "--columns", "50", "--repeats", "3");
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(2, result.get("neurons_x").asInt());
        assertEquals(3, result.get("neurons_y").asInt());
        assertEquals(50, result.get("columns").asInt());
        assertEquals(3, result.get("repeats").asInt());
        assertEquals(4.0 / 5, result.get("similarity").get(0).asDouble(), 1e-15);
        assertEquals(2.0, result.get("x_size").get(0).asDouble());
        CommandRunner whole = CommandRunner.run("match", fa.toString(), fb.toString(), "--eps",
                "0.1");
        assertEquals(0, whole.status(), whole.err());
        JsonNode all = JSON.readTree(whole.out());
        assertEquals(120, all.get("columns").asInt());
        assertEquals(1, all.get("repeats").asInt());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path[] files = planted();
        String a = files[0].toString();
        String b = files[1].toString();
        Path short5 = NpyBytes.writeFloat64(dir.resolve("short.npy"), 5, 2, new double[10]);
        double[] nanValues = new double[60 * 2];
        nanValues[7] = Double.NaN;
        Path nan = NpyBytes.writeFloat64(dir.resolve("nan.npy"), 60, 2, nanValues);
        Path one = NpyBytes.writeFloat64(dir.resolve("one.npy"), 1, 2, new double[2]);
        Path conv = NpyBytes.writeFloat64(dir.resolve("conv.npy"), new int[] {60, 1, 2, 2},
                new double[240]);
        String[][] cases = {
            {"match", a, short5.toString()}, {"5 samples but " + a + " has 60"},
            {"match", a, nan.toString()}, {"sample 3, feature 1 is NaN"},
            {"match", a, b, "--eps", "0.3,1"}, {"--eps values must lie in (0, 1), got 1.0"},
            {"match", a, b, "--eps", "0"}, {"--eps values must lie in (0, 1), got 0.0"},
            {"match", one.toString(), one.toString()}, {"1 samples, at least 2 needed"},
            {"match", a, conv.toString()}, {"1 channels over 4 positions but"},
            {"match", a, b, "--simple-neurons", "0"}, {"--simple-neurons must be at least 1"},
            {"match", a, b, "--repeats", "0"}, {"--columns and --repeats must be at least 1"},
            {"match", a}, {"Missing required parameter"}};
        for (int i = 0; i < cases.length; i += 2) {
            CommandRunner run = CommandRunner.run(cases[i]);
            assertEquals(2, run.status(), String.join(" ", cases[i]));
            assertTrue(run.errIsOneLine(), run.err());
            assertTrue(run.err().contains(cases[i + 1][0]), run.err());
        }
    }
}
