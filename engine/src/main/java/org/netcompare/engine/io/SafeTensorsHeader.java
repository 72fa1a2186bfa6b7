package org.netcompare.engine.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a safetensors file (huggingface/safetensors, "Format" in its README): an 8-byte
 * little-endian length N, N bytes of UTF-8 JSON mapping each tensor name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the data buffer
 * that follows) plus an optional {@code "__metadata__"} map of strings.
 *
 * <p>Checked as the reference implementation checks it: the header fits the file and 100 MB,
 * each tensor's byte range matches its shape and dtype, and the ranges, sorted, tile the data
 * buffer exactly (no overlap, no gap, nothing after the last).
 */
final class SafeTensorsHeader {

    static final String METADATA = "__metadata__";
    /** The reference implementation's limit on N. */
    private static final long MAX_HEADER_BYTES = 100_000_000;
    private static final Set<String> FIELDS = Set.of("dtype", "shape", "data_offsets");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One tensor's entry; {@code begin} and {@code end} are relative to the data buffer. */
    record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    }

    final List<Entry> entries;
    final Map<String, String> metadata;
    /** File offset of the data buffer: 8 + N. */
    final long dataStart;

    private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata,
            long dataStart) {
        this.entries = entries;
        this.metadata = metadata;
        this.dataStart = dataStart;
    }

    /** Reads and checks the header of {@code file}, open as {@code in}. */
    static SafeTensorsHeader read(FileChannel in, Path file) throws IOException {
        long length = in.size();
        if (length < 8) {
            throw new FileFormatException(file, "truncated: " + length
                    + " bytes, a safetensors file starts with an 8-byte header length");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, lengthField, 0);
        long headerLength = lengthField.flip().getLong();
        if (headerLength < 0 || headerLength > length - 8) {
            throw new FileFormatException(file, "header length "
                    + Long.toUnsignedString(headerLength) + " reaches beyond the end of the file ("
                    + length + " bytes)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new FileFormatException(file, "header length " + headerLength
                    + " exceeds the " + MAX_HEADER_BYTES + "-byte limit");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(in, headerBytes, 8);
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(headerBytes.flip()).toString();
            if (!text.startsWith("{")) {
                throw new FileFormatException(file, "not a safetensors file: the header does not"
                        + " start with '{'");
            }
            root = JSON.readTree(text);
        } catch (CharacterCodingException e) {
            throw new FileFormatException(file, "header is not valid UTF-8");
        } catch (JsonProcessingException e) {
            throw new FileFormatException(file, "header is not valid JSON: "
                    + e.getOriginalMessage().replace('\n', ' '));
        }
        if (!(root instanceof ObjectNode object)) {
            throw new FileFormatException(file, "header is not a JSON object");
        }
        long dataStart = 8 + headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA)) {
                readMetadata(field.getValue(), metadata, file);
            } else {
                entries.add(entry(field.getKey(), field.getValue(), file));
            }
        }
        checkTiling(entries, length - dataStart, file);
        return new SafeTensorsHeader(entries, metadata, dataStart);
    }

    private static void readMetadata(JsonNode node, Map<String, String> metadata, Path file)
            throws FileFormatException {
        if (!node.isObject()) {
            throw new FileFormatException(file, METADATA + " is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new FileFormatException(file, METADATA + " value of '" + field.getKey()
                        + "' is not a string");
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
    }

    private static Entry entry(String name, JsonNode node, Path file)
            throws FileFormatException {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new FileFormatException(file, where + " is not an object");
        }
        Set<String> fields = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(FIELDS)) {
            throw new FileFormatException(file, where + " has fields " + fields
                    + ", expected dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        DType dtype = dtypeNode.isTextual() ? DType.fromSafetensorsName(dtypeNode.textValue())
                : null;
        if (dtype == null) {
            throw new FileFormatException(file, where + " has unsupported dtype " + dtypeNode
                    + " (known: F64 F32 F16 BF16 I64 I32 I16 I8 U32 U16 U8 BOOL)");
        }
        long[] sizes = naturals(node.get("shape"), -1, where + " shape", file);
        long[] offsets = naturals(node.get("data_offsets"), 2, where + " data_offsets", file);
        long count = NdArray.elementCount(sizes);
        if (count < 0) {
            throw new FileFormatException(file, where + " shape " + Arrays.toString(sizes)
                    + " has more elements than one array can hold (" + NdArray.MAX_ELEMENTS
                    + ")");
        }
        if (offsets[1] < offsets[0]) {
            throw new FileFormatException(file, where + " data_offsets "
                    + Arrays.toString(offsets) + " end before they begin");
        }
        long needed = count * dtype.itemSize();
        if (offsets[1] - offsets[0] != needed) {
            throw new FileFormatException(file, where + " data_offsets "
                    + Arrays.toString(offsets) + " span " + (offsets[1] - offsets[0])
                    + " bytes, but " + dtype.safetensorsName() + " " + Arrays.toString(sizes)
                    + " needs " + needed);
        }
        int[] shape = Arrays.stream(sizes).mapToInt(s -> (int) s).toArray();
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    /** A JSON array of non-negative integers, of the given length (or any if negative). */
    private static long[] naturals(JsonNode node, int length, String what, Path file)
            throws FileFormatException {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            throw new FileFormatException(file, what + " is not an array"
                    + (length >= 0 ? " of " + length + " integers" : " of integers"));
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() < 0) {
                throw new FileFormatException(file, what + " holds " + item
                        + ", not a non-negative 64-bit integer");
            }
            out[i] = item.longValue();
        }
        return out;
    }

    /** Sorted by begin, the ranges must follow each other without gap or overlap to the end. */
    private static void checkTiling(List<Entry> entries, long bufferLength, Path file)
            throws FileFormatException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry entry : sorted) {
            if (entry.end() > bufferLength) {
                throw new FileFormatException(file, "tensor '" + entry.name() + "' data_offsets ["
                        + entry.begin() + ", " + entry.end() + "] reach beyond the data buffer ("
                        + bufferLength + " bytes)");
            }
            if (entry.begin() < covered) {
                throw new FileFormatException(file, "tensor '" + entry.name() + "' data_offsets ["
                        + entry.begin() + ", " + entry.end() + "] overlap tensor '"
                        + previous.name() + "' [" + previous.begin() + ", " + previous.end() + "]");
            }
            if (entry.begin() > covered) {
                throw new FileFormatException(file, "bytes [" + covered + ", " + entry.begin()
                        + ") of the data buffer belong to no tensor");
            }
            covered = entry.end();
            previous = entry;
        }
        if (covered != bufferLength) {
            throw new FileFormatException(file, "extra data: tensors cover " + covered
                    + " bytes, the data buffer holds " + bufferLength);
        }
    }

    /**
     * The length field and JSON header for tensors laid out in the given order, with metadata
     * first, padded with spaces to a multiple of 8 bytes so the data stays aligned.
     */
    static byte[] encode(Map<String, NdArray> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, NdArray> named : tensors.entrySet()) {
            NdArray array = named.getValue();
            ObjectNode info = root.putObject(named.getKey());
            info.put("dtype", array.dtype().safetensorsName());
            ArrayNode shape = info.putArray("shape");
            for (int size : array.shape()) {
                shape.add(size);
            }
            long end = offset + array.size() * array.dtype().itemSize();
            info.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers failed to serialise", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        while (out.hasRemaining()) {
            out.put((byte) ' ');
        }
        return out.array();
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long position)
            throws IOException {
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, position);
            if (n < 0) {
                throw new IOException("file shrank while being read");
            }
            position += n;
        }
    }
}
