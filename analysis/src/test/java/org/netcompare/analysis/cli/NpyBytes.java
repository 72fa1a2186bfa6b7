package org.netcompare.analysis.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small float64 .npy files byte by byte, as the NumPy format document describes them, so
 * the command tests do not depend on the reader they exercise.
 */
final class NpyBytes {

    private NpyBytes() {
    }

    static Path writeFloat64(Path file, int rows, int cols, double[] values) throws IOException {
        return writeFloat64(file, new int[] {rows, cols}, values);
    }

    /** Any shape of two or more axes, C order. */
    static Path writeFloat64(Path file, int[] shape, double[] values) throws IOException {
        StringBuilder axes = new StringBuilder();
        for (int axis : shape) {
            axes.append(axis).append(", ");
        }
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': ("
                + axes.toString().strip() + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + values.length * 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        buffer.put((byte) 1).put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            buffer.putDouble(v);
        }
        return Files.write(file, buffer.array());
    }
}
