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
import org.netcompare.engine.io.Npy;
import org.netcompare.engine.linalg.Matrix;

class CurvaturePatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double R = 2;

    @TempDir
    Path dir;

    /**
     * A cap of the sphere of radius 2 in R^3 around its north pole (row 0), tangent coordinates
     * uniform in [-0.4, 0.4]^2: K = 1/4 (within the 5%), and the PCA dimension is 2
     * because the normal spread (about 0.04) holds well under 10% of the variance.
     */
    private Path spherePatch(int points) throws IOException {
        Random random = new Random(7);
        Matrix patch = Matrix.zeros(points, 3);
        for (int j = 0; j < points; j++) {
            double x = j == 0 ? 0 : 0.4 * (2 * random.nextDouble() - 1);
            double y = j == 0 ? 0 : 0.4 * (2 * random.nextDouble() - 1);
            patch.set(j, 0, x);
            patch.set(j, 1, y);
            patch.set(j, 2, Math.sqrt(R * R - x * x - y * y));
        }
        Path file = dir.resolve("sphere.npy");
        Npy.write(file, patch);
        return file;
    }

    @Test
    void sphereCapHasCurvatureOneOverRSquared() throws IOException {
        CommandRunner run = CommandRunner.run("curvature-patch", spherePatch(150).toString());
        assertEquals(0, run.status(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(150, result.get("points").asInt());
        assertEquals(3, result.get("ambient_dim").asInt());
        assertEquals(2, result.get("dimension").asInt());
        assertEquals(1, result.get("sectional").size());
        assertEquals(1 / (R * R), result.get("sectional").get(0).asDouble(), 0.05 / (R * R));
        assertEquals(1, result.get("riemann").size());
        assertEquals(result.get("sectional").get(0).asDouble(),
                result.get("riemann").get(0).asDouble(), 1e-12);
        assertEquals(0, result.get("warnings").size());
    }

    /** Four neighbours cannot fix the 2 + 3 coefficients of a 2-dimensional fit. */
    @Test
    void tooSmallPatchWarnsButAnswers() throws IOException {
        CommandRunner run = CommandRunner.run("curvature-patch", spherePatch(5).toString(),
                "--dim", "2");
        assertEquals(0, run.status(), run.err());
        JsonNode warnings = JSON.readTree(run.out()).get("warnings");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).asText().contains("4 neighbours"), warnings.toString());
        assertTrue(run.err().contains("underdetermined"), run.err());
    }

    @Test
    void dimensionBeyondThePatchIsOneLineError() throws IOException {
        CommandRunner run = CommandRunner.run("curvature-patch", spherePatch(20).toString(),
                "--dim", "4");
        assertEquals(ExitCode.BAD_INPUT, run.status());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains("sphere.npy") && run.err().contains("tangent dimension"),
                run.err());
    }
}
