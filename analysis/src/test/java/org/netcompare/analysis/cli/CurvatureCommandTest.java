package org.netcompare.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.nets.model.ModelFiles;
import org.netcompare.nets.model.ModelSpec;
import org.netcompare.nets.model.ModelZoo;

class CurvatureCommandTest {

    @TempDir
    Path dir;

    private Path modelA;
    private Path modelB;

    @BeforeEach
    void saveModels() throws Exception {
        ModelSpec spec = ModelZoo.spec("mlp");
        modelA = dir.resolve("a");
        modelB = dir.resolve("b");
        ModelFiles.save(modelA, spec, spec.build(1));
        ModelFiles.save(modelB, spec, spec.build(2));
    }

    private static CommandRunner run(Path a, Path b, String label, String layers) {
        return CommandRunner.run("curvature", "--model-a", a.toString(), "--model-b",
                b.toString(), "--class", label, "--images", "2", "--layers", layers,
                "--close", "24", "--max-close", "30", "--seed", "4");
    }

    private CommandRunner run(Path a, Path b) {
        return run(a, b, "3", "fc1,fc2");
    }

    @Test
    void comparesTwoModelsLayerByLayer() throws Exception {
        CommandRunner result = run(modelA, modelB);
        assertEquals(0, result.status(), result.err());
        JsonNode json = JsonOutput.mapper().readTree(result.out());
        assertEquals(2, json.get("images").size());
        assertEquals(3, json.get("class").asInt());
        assertEquals("[\"fc1\",\"fc2\"]", json.get("layers").toString());
        // 24 smallest singular values give 2^24 - 1 non-empty subsets, capped at 30
        assertEquals(30, json.get("close_images").asInt());
        assertEquals(4, json.get("table1").size(), "2 networks x 2 layers");
        assertEquals(2, json.get("table2").size());
        for (JsonNode row : json.get("table1")) {
            assertTrue(row.get("mean").asDouble() <= row.get("max").asInt());
        }
        for (JsonNode row : json.get("table3")) {
            for (String share : new String[] {"riemann_share", "sectional_share"}) {
                double v = row.get(share).asDouble();
                assertTrue(v >= 0 && v <= 1, share + " " + v);
            }
        }
        assertTrue(json.get("warnings").isArray());
    }

    @Test
    void aModelComparedWithItselfIsFullySimilar() throws Exception {
        CommandRunner result = run(modelA, modelA);
        assertEquals(0, result.status(), result.err());
        JsonNode json = JsonOutput.mapper().readTree(result.out());
        assertEquals(2, json.get("table3").size(), json.toString());
        for (JsonNode row : json.get("table3")) {
            // identical patches: every ratio r_i = 1, so r0 = 1 for both images
            assertEquals(2, row.get("count").asInt(), row.toString());
            assertEquals(1.0, row.get("riemann_share").asDouble(), 0.0);
            assertEquals(1.0, row.get("sectional_share").asDouble(), 0.0);
        }
        for (JsonNode row : json.get("table2")) {
            // an affine map from a patch to itself is exact up to rounding
            assertEquals(0, row.get("full_fit_rmse").asDouble(), 1e-6);
            assertEquals(0, row.get("mean_distance_difference").asDouble(), 1e-9);
            assertEquals(row.get("rank_a").asDouble(), row.get("rank_b").asDouble(), 0.0);
        }
    }

    @Test
    void refusesBadInputWithOneLine() {
        for (CommandRunner bad : new CommandRunner[] {
                run(modelA, modelB, "3", "fc1,fc9"),
                run(modelA, modelB, "10", "fc1"),
                run(modelA, dir.resolve("missing"))}) {
            assertEquals(2, bad.status(), bad.err());
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
        }
    }
}
