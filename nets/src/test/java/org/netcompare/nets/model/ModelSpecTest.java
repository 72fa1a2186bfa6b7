package org.netcompare.nets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecTest {

    /** The example of shared/DESIGN.md, verbatim. */
    static final String DESIGN_LENET = """
            {"name": "lenet5", "input": [1, 28, 28],
             "layers": [
              {"name": "conv1", "type": "conv2d", "in": 1, "out": 6, "kernel": 5, "stride": 1, "padding": 2},
              {"name": "relu1", "type": "relu"},
              {"name": "pool1", "type": "maxpool2d", "kernel": 2, "stride": 2},
              {"name": "conv2", "type": "conv2d", "in": 6, "out": 16, "kernel": 5},
              {"name": "relu2", "type": "relu"},
              {"name": "pool2", "type": "maxpool2d", "kernel": 2, "stride": 2},
              {"name": "flatten", "type": "flatten"},
              {"name": "fc1", "type": "linear", "in": 400, "out": 120},
              {"name": "relu3", "type": "relu"},
              {"name": "fc2", "type": "linear", "in": 120, "out": 84},
              {"name": "relu4", "type": "relu"},
              {"name": "fc3", "type": "linear", "in": 84, "out": 10}]}
            """;

    @Test
    void theDesignExampleIsTheZoosLenet() {
        ModelSpec spec = ModelSpec.parse(DESIGN_LENET);
        assertEquals(ModelZoo.spec("lenet5"), spec);
        assertArrayEquals(new int[] {1, 28, 28}, spec.input());
        Sequential model = spec.build(0);
        assertArrayEquals(new int[] {16, 5, 5}, model.outputShape("pool2"));
        assertArrayEquals(new int[] {10}, model.outputShape());
    }

    @Test
    void writtenJsonParsesBackToTheSameSpec() {
        for (String name : ModelZoo.names()) {
            ModelSpec spec = ModelZoo.spec(name);
            ModelSpec back = ModelSpec.parse(spec.toJson());
            assertEquals(spec.toJson(), back.toJson());
            assertEquals(spec.layers().size(), back.layers().size());
        }
    }

    @Test
    void unknownTypeNamesTheLayer() {
        String json = DESIGN_LENET.replace("\"type\": \"relu\"}", "\"type\": \"gelu\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse(json));
        assertTrue(e.getMessage().startsWith("layer relu1 (gelu): unknown layer type"),
                e.getMessage());
    }

    @Test
    void inconsistentSizesNameTheLayer() {
        IllegalArgumentException conv = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse(DESIGN_LENET.replace("\"in\": 6", "\"in\": 3")));
        assertTrue(conv.getMessage().startsWith("conv2: expects 3 input channels, got 6"),
                conv.getMessage());
        IllegalArgumentException linear = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse(DESIGN_LENET.replace("\"in\": 400", "\"in\": 256")));
        assertTrue(linear.getMessage().startsWith("fc1: expects 256 input features, got 400"),
                linear.getMessage());
    }

    @Test
    void otherMistakesAreRefusedClearly() {
        assertMessage("layer conv2 (conv2d): unknown attribute \"kernal\"",
                DESIGN_LENET.replace("\"kernel\": 5}", "\"kernal\": 5}"));
        assertMessage("layer conv2 (conv2d): needs \"kernel\"",
                DESIGN_LENET.replace(", \"kernel\": 5}", "}"));
        assertMessage("layer name relu2 is used twice",
                DESIGN_LENET.replace("\"name\": \"relu3\"", "\"name\": \"relu2\""));
        assertMessage("layer fc3 (linear): \"out\" must be an integer, got 10.5",
                DESIGN_LENET.replace("\"out\": 10}", "\"out\": 10.5}"));
        assertMessage("unknown key \"layer\"", DESIGN_LENET.replace("\"layers\"", "\"layer\""));
        assertMessage("not JSON", "{\"name\": ");
    }

    @Test
    void readingAFileNamesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, DESIGN_LENET.replace("\"relu\"}", "\"gelu\"}"),
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.read(file));
        assertTrue(e.getMessage().startsWith(file + ": layer relu1 (gelu)"), e.getMessage());
    }

    private static void assertMessage(String start, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse(json));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
