package org.netcompare.nets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcompare.engine.io.DType;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.io.NdArray;
import org.netcompare.engine.io.SafeTensors;
import org.netcompare.engine.tensor.Tensor;
import org.netcompare.nets.layers.GradientCheck;

class ModelFilesTest {

    private static final String LINEAR_JSON = "{\"name\": \"tiny\", \"input\": [3], \"layers\": ["
            + "{\"name\": \"fc\", \"type\": \"linear\", \"in\": 3, \"out\": 2}]}";

    /** A safetensors file as PyTorch writes nn.Linear(3, 2)'s state_dict, byte by byte. */
    private static byte[] linearSafetensors(float[] weight, float[] bias) {
        String header = "{\"fc.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[8,32]}}";
        byte[] json = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + 32).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length);
        out.put(json);
        for (float b : bias) {
            out.putFloat(b);
        }
        for (float w : weight) {
            out.putFloat(w);
        }
        return out.array();
    }

    @Test
    void aPyTorchLinearLayerLoadsWithTheRightValues(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ModelFiles.MODEL_JSON), LINEAR_JSON);
        // W = [[1, 2, 3], [4, 5, 6]] in PyTorch's [out, in] layout, b = [0.5, -1].
        Files.write(dir.resolve(ModelFiles.WEIGHTS),
                linearSafetensors(new float[] {1, 2, 3, 4, 5, 6}, new float[] {0.5f, -1}));
        ModelFiles.Loaded loaded = ModelFiles.load(dir);
        assertEquals("tiny", loaded.spec().name());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6},
                loaded.model().parameters().get(0).value().toArray());
        Tensor y = loaded.model().forward(Tensor.wrap(new float[] {1, 0, -1}, 1, 3), false);
        // [1 - 3 + 0.5, 4 - 6 - 1]
        assertArrayEquals(new float[] {-1.5f, -3f}, y.toArray());
    }

    @Test
    void saveThenLoadGivesTheSameOutputs(@TempDir Path dir) throws IOException {
        for (String name : List.of("lenet5", "vgg-small")) {
            ModelSpec spec = ModelZoo.spec(name);
            Sequential model = spec.build(11);
            int[] in = spec.input();
            SplittableRandom random = new SplittableRandom(12);
            Tensor x = Tensor.wrap(GradientCheck.uniform(4 * in[0] * in[1] * in[2], random, 0, 1),
                    4, in[0], in[1], in[2]);
            // A training pass moves batch normalisation's running statistics off 0 and 1.
            model.forward(x, true);
            float[] expected = model.forward(x, false).toArray();
            Path target = dir.resolve(name);
            ModelFiles.save(target, spec, model);
            ModelFiles.Loaded loaded = ModelFiles.load(target);
            assertEquals(spec, loaded.spec());
            assertArrayEquals(expected, loaded.model().forward(x, false).toArray(), name);
        }
        Map<String, NdArray> stored = SafeTensors.read(dir.resolve("vgg-small")
                .resolve(ModelFiles.WEIGHTS));
        NdArray tracked = stored.get("bn1_1.num_batches_tracked");
        assertEquals(DType.I64, tracked.dtype());
        assertEquals(0, tracked.rank());
        assertEquals(1L, tracked.toLongArray()[0]);
        assertArrayEquals(new int[] {32, 3, 3, 3}, stored.get("conv1_1.weight").shape());
    }

    @Test
    void missingExtraOrMisShapedTensorsAreNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ModelFiles.MODEL_JSON), LINEAR_JSON);
        Path weights = dir.resolve(ModelFiles.WEIGHTS);
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        tensors.put("fc.weight", NdArray.ofFloats(new float[6], 2, 3));
        SafeTensors.write(weights, tensors, Map.of());
        assertProblem(dir, weights + ": tensor fc.bias is missing");

        tensors.put("fc.bias", NdArray.ofFloats(new float[3], 3));
        SafeTensors.write(weights, tensors, Map.of());
        assertProblem(dir, weights + ": tensor fc.bias has shape [3], the model needs [2]");

        tensors.put("fc.bias", NdArray.ofInts(new int[2], 2));
        SafeTensors.write(weights, tensors, Map.of());
        assertProblem(dir, weights + ": tensor fc.bias is I32, the model needs floating point");

        tensors.put("fc.bias", NdArray.ofFloats(new float[2], 2));
        tensors.put("fc2.weight", NdArray.ofFloats(new float[1], 1));
        SafeTensors.write(weights, tensors, Map.of());
        assertProblem(dir, weights + ": tensor fc2.weight is not part of the model");
    }

    private static void assertProblem(Path dir, String start) {
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> ModelFiles.load(dir));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void writtenJsonIsTheDesignFormat(@TempDir Path dir) throws IOException {
        ModelFiles.save(dir, ModelZoo.spec("lenet5"), ModelZoo.spec("lenet5").build(0));
        String json = Files.readString(dir.resolve(ModelFiles.MODEL_JSON));
        assertEquals(ModelSpec.parse(ModelSpecTest.DESIGN_LENET), ModelSpec.parse(json));
        assertTrue(json.startsWith("""
                {"name": "lenet5", "input": [1, 28, 28],
                 "layers": [
                  {"name": "conv1", "type": "conv2d", "in": 1, "out": 6, "kernel": 5, "stride": 1,\
                 "padding": 2},
                  {"name": "relu1", "type": "relu"},
                """), json);
    }
}
