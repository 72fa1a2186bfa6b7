package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    /**
     * Built with /usr/bin/python3 (json, struct, NumPy for the element bytes) following the
     * safetensors library's {@code serialize} (the library itself is not installed here): tensors
     * ordered by its Dtype enum descending then by name, {@code __metadata__} first, compact
     * JSON padded with spaces to 8 bytes. Header:
     * <pre>
     * {"__metadata__":{"format":"pt"},"step":{"dtype":"I64","shape":[],"data_offsets":[0,8]},
     *  "bias":{"dtype":"F32","shape":[3],"data_offsets":[8,20]},
     *  "weight":{"dtype":"F32","shape":[2,3],"data_offsets":[20,44]},
     *  "bf":{"dtype":"BF16","shape":[2],"data_offsets":[44,48]},
     *  "half":{"dtype":"F16","shape":[2],"data_offsets":[48,52]},
     *  "mask":{"dtype":"BOOL","shape":[2],"data_offsets":[52,54]}}
     * </pre>
     * with step = 7, bias = [1, -1, 2], weight = arange(6) * 0.5, bf = [1, 3.140625],
     * half = [1, -2.5], mask = [True, False].
     */
    static final String SAFETENSORS =
            "gAEAAAAAAAB7Il9fbWV0YWRhdGFfXyI6eyJmb3JtYXQiOiJwdCJ9LCJzdGVwIjp7ImR0eXBlIjoiSTY0"
            + "Iiwic2hhcGUiOltdLCJkYXRhX29mZnNldHMiOlswLDhdfSwiYmlhcyI6eyJkdHlwZSI6IkYzMiIsInNo"
            + "YXBlIjpbM10sImRhdGFfb2Zmc2V0cyI6WzgsMjBdfSwid2VpZ2h0Ijp7ImR0eXBlIjoiRjMyIiwic2hh"
            + "cGUiOlsyLDNdLCJkYXRhX29mZnNldHMiOlsyMCw0NF19LCJiZiI6eyJkdHlwZSI6IkJGMTYiLCJzaGFw"
            + "ZSI6WzJdLCJkYXRhX29mZnNldHMiOls0NCw0OF19LCJoYWxmIjp7ImR0eXBlIjoiRjE2Iiwic2hhcGUi"
            + "OlsyXSwiZGF0YV9vZmZzZXRzIjpbNDgsNTJdfSwibWFzayI6eyJkdHlwZSI6IkJPT0wiLCJzaGFwZSI6"
            + "WzJdLCJkYXRhX29mZnNldHMiOls1Miw1NF19fSAgICAHAAAAAAAAAAAAgD8AAIC/AAAAQAAAAAAAAAA/"
            + "AACAPwAAwD8AAABAAAAgQIA/SUAAPADBAQA=";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return TestFiles.write(dir, name, bytes);
    }

    /** A file with this JSON header (unpadded) followed by {@code dataBytes} zero bytes. */
    private Path withHeader(String name, String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + header.length + dataBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header);
        return file(name, out.array());
    }

    @Test
    void readsEveryTensorAndTheMetadata() throws IOException {
        Path path = file("w.safetensors", Base64.getDecoder().decode(SAFETENSORS));
        Map<String, NdArray> tensors = SafeTensors.read(path);
        assertEquals(List.of("step", "bias", "weight", "bf", "half", "mask"),
                List.copyOf(tensors.keySet()));
        assertArrayEquals(new int[0], tensors.get("step").shape());
        assertArrayEquals(new long[] {7}, tensors.get("step").toLongArray());
        assertArrayEquals(new float[] {1, -1, 2}, tensors.get("bias").toFloatArray());
        assertArrayEquals(new int[] {2, 3}, tensors.get("weight").shape());
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f},
                tensors.get("weight").toFloatArray());
        assertEquals(DType.BF16, tensors.get("bf").dtype());
        assertArrayEquals(new float[] {1, 3.140625f}, tensors.get("bf").toFloatArray());
        assertEquals(DType.F16, tensors.get("half").dtype());
        assertArrayEquals(new float[] {1, -2.5f}, tensors.get("half").toFloatArray());
        assertArrayEquals(new int[] {1, 0}, tensors.get("mask").toIntArray());
        assertEquals(Map.of("format", "pt"), SafeTensors.metadata(path));
    }

    @Test
    void inspectGivesShapesAndFileOffsets() throws IOException {
        Path path = file("w.safetensors", Base64.getDecoder().decode(SAFETENSORS));
        Map<String, ArrayInfo> infos = SafeTensors.inspect(path);
        assertEquals(List.of("step", "bias", "weight", "bf", "half", "mask"),
                List.copyOf(infos.keySet()));
        ArrayInfo weight = infos.get("weight");
        assertEquals(DType.F32, weight.dtype());
        assertArrayEquals(new int[] {2, 3}, weight.shape());
        // 8-byte length + 384-byte header + data_offsets begin 20
        assertEquals(8 + 384 + 20, weight.dataOffset());
        assertEquals(24, weight.dataBytes());
        assertEquals(8 + 384 + 52, infos.get("mask").dataOffset());
    }

    @Test
    void writesTheBytesTheLibraryWrites() throws IOException {
        Path reference = file("w.safetensors", Base64.getDecoder().decode(SAFETENSORS));
        Map<String, NdArray> tensors = SafeTensors.read(reference);
        Map<String, NdArray> shuffled = new LinkedHashMap<>();
        for (String name : List.of("mask", "weight", "half", "step", "bf", "bias")) {
            shuffled.put(name, tensors.get(name));
        }
        Path out = dir.resolve("out.safetensors");
        SafeTensors.write(out, shuffled, Map.of("format", "pt"));
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out));
    }

    @Test
    void roundTripsWithoutMetadata() throws IOException {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", NdArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 1, 1, 2, 3));
        tensors.put("empty", NdArray.ofDoubles(new double[0], 0, 4));
        tensors.put("labels", NdArray.ofInts(new int[] {3, -4}, 2));
        Path out = dir.resolve("r.safetensors");
        SafeTensors.write(out, tensors, Map.of());
        Map<String, NdArray> back = SafeTensors.read(out);
        assertEquals(tensors.keySet(), back.keySet());
        for (String name : tensors.keySet()) {
            assertEquals(tensors.get(name).dtype(), back.get(name).dtype());
            assertArrayEquals(tensors.get(name).shape(), back.get(name).shape());
            assertArrayEquals(tensors.get(name).toDoubleArray(), back.get(name).toDoubleArray());
        }
        assertEquals(Map.of(), SafeTensors.metadata(out));
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(out), 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "data must start 8-byte aligned");
        assertEquals(8 + headerLength + 24 + 8, Files.size(out));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(out,
                Map.of("__metadata__", NdArray.ofInts(new int[0], 0)), Map.of()));
    }

    private void assertRejected(Path path, String problem) {
        TestFiles.assertRejected(path, problem, SafeTensors::read);
    }

    @Test
    void rejectsHeadersThatDoNotFit() throws IOException {
        assertRejected(file("tiny.safetensors", new byte[5]), "truncated: 5 bytes");
        ByteBuffer beyond = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100);
        assertRejected(file("beyond.safetensors", beyond.array()),
                "header length 100 reaches beyond the end of the file (16 bytes)");
        ByteBuffer negative = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1);
        assertRejected(file("negative.safetensors", negative.array()),
                "header length 18446744073709551615 reaches beyond");
        assertRejected(withHeader("npy.safetensors", "\u0093NUMPY", 0), "does not start with '{'");
        assertRejected(withHeader("json.safetensors", "{\"a\": ", 0), "not valid JSON");
        assertRejected(withHeader("dup.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],"
                + "\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],"
                + "\"data_offsets\":[4,8]}}", 8), "not valid JSON: Duplicate field 'a'");
    }

    @Test
    void rejectsMalformedTensorEntries() throws IOException {
        String[][] cases = {
            {"{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}",
                "tensor 'a' has unsupported dtype \"F8_E4M3\""},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", "tensor 'a' has fields"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}}",
                "tensor 'a' has fields"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}",
                "tensor 'a' shape holds -2"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}",
                "tensor 'a' shape holds 2.5"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}",
                "data_offsets is not an array of 2 integers"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
                + "\"data_offsets\":[0,8]}}", "more elements than one array can hold"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}",
                "end before they begin"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}",
                "tensor 'a' data_offsets [0, 8] span 8 bytes, but F32 [3] needs 12"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}",
                "tensor 'a' data_offsets [0, 16] reach beyond the data buffer (8 bytes)"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                "tensor 'b' data_offsets [4, 8] overlap tensor 'a' [0, 8]"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                "bytes [0, 4) of the data buffer belong to no tensor"},
            {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                "extra data: tensors cover 4 bytes, the data buffer holds 8"},
            {"{\"__metadata__\":{\"epochs\":3}}", "__metadata__ value of 'epochs' is not a string"},
            {"[1, 2]", "does not start with '{'"},
        };
        for (String[] c : cases) {
            assertRejected(withHeader("bad.safetensors", c[0], 8), c[1]);
        }
    }
}
