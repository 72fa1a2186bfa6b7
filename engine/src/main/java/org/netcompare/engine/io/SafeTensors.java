package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * safetensors files, the way PyTorch users share weights ({@code weights.safetensors} with
 * {@code state_dict} names). See {@link SafeTensorsHeader} for the layout and what is checked.
 */
public final class SafeTensors {

    /** The declaration order of the safetensors library's {@code Dtype} enum, which it sorts by. */
    private static final List<DType> LIBRARY_ORDER = List.of(DType.BOOL, DType.U8, DType.I8,
            DType.I16, DType.U16, DType.F16, DType.BF16, DType.I32, DType.U32, DType.F32,
            DType.F64, DType.I64);

    private SafeTensors() {
    }

    /**
     * Reads every tensor, keyed by name in header order.
     *
     * @throws FileFormatException naming the file and the problem
     */
    public static Map<String, NdArray> read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            SafeTensorsHeader header = SafeTensorsHeader.read(in, file);
            Map<String, NdArray> tensors = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry entry : header.entries) {
                int count = (int) NdArray.elementCount(entry.shape());
                Object data = entry.dtype().storage().allocate(count);
                in.position(header.dataStart + entry.begin());
                long held = ElementStreams.read(in, ByteOrder.LITTLE_ENDIAN, entry.dtype(), data,
                        count);
                if (held != entry.end() - entry.begin()) {
                    throw new IOException(file + ": file shrank while being read");
                }
                tensors.put(entry.name(), new NdArray(entry.dtype(), entry.shape(), data));
            }
            return tensors;
        }
    }

    /**
     * Each tensor's dtype, shape and file offset, in header order, from the header alone (checked
     * as {@link #read} checks it), so a caller can decide what fits in memory before reading.
     */
    public static Map<String, ArrayInfo> inspect(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            SafeTensorsHeader header = SafeTensorsHeader.read(in, file);
            Map<String, ArrayInfo> infos = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry entry : header.entries) {
                infos.put(entry.name(), new ArrayInfo(entry.dtype(), entry.shape(),
                        ByteOrder.LITTLE_ENDIAN, false, header.dataStart + entry.begin()));
            }
            return infos;
        }
    }

    /** The {@code __metadata__} strings of the header (empty if it has none), header only. */
    public static Map<String, String> metadata(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return SafeTensorsHeader.read(in, file).metadata;
        }
    }

    /**
     * Writes the tensors as the safetensors library's {@code serialize} does (safetensors 0.4,
     * {@code tensor.rs}): ordered by dtype, widest first in {@link #LIBRARY_ORDER} reversed, then
     * by name, which keeps every tensor aligned to its element size; a compact JSON header with
     * {@code __metadata__} first (omitted when empty; its keys sorted), padded with spaces to 8
     * bytes; then the tensors' little-endian bytes back to back. Written atomically.
     */
    public static void write(Path file, Map<String, NdArray> tensors, Map<String, String> metadata)
            throws IOException {
        if (tensors.containsKey(SafeTensorsHeader.METADATA)) {
            throw new IllegalArgumentException(SafeTensorsHeader.METADATA
                    + " is reserved, not a tensor name");
        }
        Map<String, NdArray> sorted = new LinkedHashMap<>();
        Comparator<Map.Entry<String, NdArray>> byDtype = Comparator.comparing(
                e -> -LIBRARY_ORDER.indexOf(e.getValue().dtype()));
        tensors.entrySet().stream()
                .sorted(byDtype.thenComparing(Map.Entry::getKey))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        byte[] header = SafeTensorsHeader.encode(sorted, new TreeMap<>(metadata));
        try (PendingFile pending = PendingFile.create(file)) {
            ElementStreams.writeFully(pending.channel(), ByteBuffer.wrap(header));
            for (NdArray array : sorted.values()) {
                ElementStreams.write(pending.channel(), ByteOrder.LITTLE_ENDIAN, array.dtype(),
                        array.data(), 0, (int) array.size());
            }
            pending.commit();
        }
    }
}
