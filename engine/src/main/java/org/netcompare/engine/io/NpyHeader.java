package org.netcompare.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a NumPy {@code .npy} file, as specified in NumPy's NEP 1 and
 * {@code numpy/lib/format.py}: the magic {@code \x93NUMPY}, a version byte pair, a little-endian
 * header length (2 bytes in version 1.0, 4 bytes in 2.0 and 3.0) and a Python dict literal with
 * exactly the keys {@code descr}, {@code fortran_order} and {@code shape}, padded with spaces to
 * a multiple of 64 bytes and ended by a newline. Version 3.0 differs from 2.0 only in encoding
 * the header as UTF-8 instead of Latin-1.
 *
 * <p>Nothing in a header is trusted: the length is checked against the file, the dict is parsed
 * as a strict literal (no evaluation), and the data length it implies is checked against what the
 * file holds before any array is allocated.
 */
final class NpyHeader {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    /** NumPy's {@code GROWTH_AXIS_MAX_DIGITS}: room for a first axis of up to 21 digits. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** NumPy refuses headers over 10000 bytes by default; this leaves room and bounds memory. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private NpyHeader() {
    }

    /**
     * Reads and checks a header from the start of {@code in}, leaving it at the first data byte.
     *
     * @param length bytes in the whole file, or -1 if unknown (then the data length is checked
     *     while reading)
     * @param file named in error messages
     */
    static ArrayInfo read(ReadableByteChannel in, long length, Path file) throws IOException {
        ByteBuffer prefix = readFully(in, 8, file, "the magic and version");
        byte[] magic = new byte[MAGIC.length];
        prefix.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new FileFormatException(file, "not a .npy file: it starts with bytes "
                    + hex(magic) + ", a .npy file starts with 93 4e 55 4d 50 59 (\\x93NUMPY)");
        }
        int major = prefix.get() & 0xFF;
        int minor = prefix.get() & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw new FileFormatException(file, "unsupported .npy version " + major + "." + minor
                    + " (1.0, 2.0 and 3.0 are known)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer lengthField = readFully(in, lengthBytes, file, "the header length")
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lengthField.getShort() & 0xFFFF
                : lengthField.getInt() & 0xFFFFFFFFL;
        long dataOffset = 8 + lengthBytes + headerLength;
        if (length >= 0 && dataOffset > length) {
            throw new FileFormatException(file, "header length " + headerLength
                    + " reaches beyond the end of the file (" + length + " bytes)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new FileFormatException(file, "header length " + headerLength
                    + " is implausible (limit " + MAX_HEADER_BYTES + " bytes)");
        }
        ByteBuffer headerBytes = readFully(in, (int) headerLength, file, "the header");
        String header = decode(headerBytes, major == 3, file);
        ArrayInfo info = parse(header, dataOffset, file);
        if (length >= 0) {
            long held = length - dataOffset;
            checkDataLength(file, info.dataBytes(), held);
        }
        return info;
    }

    /** Throws unless the file holds exactly the data bytes its header promises. */
    static void checkDataLength(Path file, long promised, long held) throws FileFormatException {
        if (held < promised) {
            throw new FileFormatException(file, "truncated: header promises " + promised
                    + " bytes of data, file holds " + held);
        }
        if (held > promised) {
            throw new FileFormatException(file, "extra data: header promises " + promised
                    + " bytes of data, file holds " + held);
        }
    }

    /**
     * The magic, version, length and header dict of a little-endian C-order array, byte for byte
     * as NumPy 1.23 and later write it: after the dict, spaces that let the first axis grow to
     * {@value #GROWTH_AXIS_MAX_DIGITS} digits (so the header of an array whose first axis is
     * rewritten keeps its length), then at least one space and a newline up to a multiple of 64.
     * Version 2.0 only when the header does not fit the 2-byte length of version 1.0.
     */
    static byte[] encode(DType type, int[] shape) {
        return encode(type, Arrays.stream(shape).asLongStream().toArray());
    }

    /** As {@link #encode(DType, int[])}, for a shape whose first size may still grow. */
    static byte[] encode(DType type, long[] shape) {
        if (type.numpyCode() == null) {
            throw new IllegalArgumentException(type + " has no NumPy dtype; convert it first");
        }
        String order = type.itemSize() == 1 ? "|" : "<";
        StringBuilder dict = new StringBuilder("{'descr': '").append(order)
                .append(type.numpyCode()).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int textLength = dict.length() + 1;
        int prefixLength = 10 + textLength + ALIGNMENT > 0xFFFF ? 12 : 10;
        int padding = ALIGNMENT - (prefixLength + textLength) % ALIGNMENT;
        int total = prefixLength + textLength + padding;
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) (prefixLength == 12 ? 2 : 1)).put((byte) 0);
        if (prefixLength == 12) {
            out.putInt(total - prefixLength);
        } else {
            out.putShort((short) (total - prefixLength));
        }
        out.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        while (out.position() < total - 1) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    private static ArrayInfo parse(String header, long dataOffset, Path file)
            throws FileFormatException {
        Map<String, Object> dict;
        try {
            dict = new LiteralParser(header).dict();
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(file, "header is not a valid dict literal: "
                    + e.getMessage() + " in " + quote(header));
        }
        if (!dict.keySet().equals(KEYS)) {
            throw new FileFormatException(file, "header keys are " + dict.keySet()
                    + ", expected descr, fortran_order and shape");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new FileFormatException(file, "descr " + dict.get("descr")
                    + " is not a simple dtype (structured arrays are not supported)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new FileFormatException(file, "fortran_order is not True or False");
        }
        if (!(dict.get("shape") instanceof long[] sizes)) {
            throw new FileFormatException(file, "shape is not a tuple of integers");
        }
        ByteOrder order;
        DType type;
        char orderChar = descr.isEmpty() ? '?' : descr.charAt(0);
        type = DType.fromNumpyCode(descr.substring(Math.min(1, descr.length())));
        if (type == null) {
            throw new FileFormatException(file, "unsupported dtype '" + descr
                    + "' (known: f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 b1 with < > or |)");
        }
        if (orderChar == '<' || (orderChar == '|' && type.itemSize() == 1)) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (orderChar == '>') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new FileFormatException(file, "dtype '" + descr
                    + "' does not state a byte order (< or >)");
        }
        long count = NdArray.elementCount(sizes);
        if (count < 0) {
            throw new FileFormatException(file, "shape " + shapeText(sizes)
                    + " has more elements than one array can hold (" + NdArray.MAX_ELEMENTS
                    + ")");
        }
        int[] shape = new int[sizes.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) Math.min(sizes[i], Integer.MAX_VALUE);
            if (shape[i] != sizes[i]) {
                throw new FileFormatException(file, "shape " + shapeText(sizes)
                        + " has a size beyond 2^31 - 1");
            }
        }
        return new ArrayInfo(type, shape, order, fortran, dataOffset);
    }

    static ByteBuffer readFully(ReadableByteChannel in, int n, Path file, String what)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new FileFormatException(file, "truncated header: the file ends inside "
                        + what);
            }
        }
        return buffer.flip();
    }

    private static String decode(ByteBuffer bytes, boolean utf8, Path file)
            throws FileFormatException {
        if (!utf8) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new FileFormatException(file, "version 3.0 header is not valid UTF-8");
        }
    }

    private static String shapeText(long[] sizes) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < sizes.length; i++) {
            text.append(i == 0 ? "" : ", ").append(sizes[i]);
        }
        return text.append(sizes.length == 1 ? ",)" : ")").toString();
    }

    /** The header for an error message: one line, printable, at most 200 characters. */
    private static String quote(String header) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < header.length() && i < 200; i++) {
            char c = header.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c)
                    : String.format("\\x%02x", (int) c & 0xFF));
        }
        return out.append(header.length() > 200 ? "...\"" : "\"").toString();
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }

    /**
     * A strict parser for the subset of Python literals an npy header uses: a dict with quoted
     * string keys, and values that are quoted strings, {@code True}, {@code False} or tuples of
     * non-negative integers (a 1-tuple needs its trailing comma, as in Python). The dict may end
     * with a comma and be followed only by whitespace. Errors are IllegalArgumentException.
     */
    private static final class LiteralParser {

        private final String text;
        private int at;

        LiteralParser(String text) {
            this.text = text;
        }

        Map<String, Object> dict() {
            Map<String, Object> dict = new HashMap<>();
            expect('{');
            while (!peek('}')) {
                String key = string();
                expect(':');
                Object value = value();
                if (dict.put(key, value) != null) {
                    throw new IllegalArgumentException("key '" + key + "' repeated");
                }
                if (!peek('}')) {
                    expect(',');
                }
            }
            expect('}');
            skipWhitespace();
            if (at != text.length()) {
                throw new IllegalArgumentException("text after the closing brace at character "
                        + at);
            }
            return dict;
        }

        private Object value() {
            skipWhitespace();
            if (peek('(')) {
                return tuple();
            }
            if (peek('\'') || peek('"')) {
                return string();
            }
            if (text.startsWith("True", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (peek('[')) {
                throw new IllegalArgumentException("a list descr (structured dtype) is not"
                        + " supported");
            }
            throw new IllegalArgumentException("unexpected value at character " + at);
        }

        private long[] tuple() {
            expect('(');
            List<Long> items = new ArrayList<>();
            boolean trailingComma = false;
            while (!peek(')')) {
                items.add(integer());
                trailingComma = false;
                if (!peek(')')) {
                    expect(',');
                    trailingComma = true;
                }
            }
            expect(')');
            if (items.size() == 1 && !trailingComma) {
                throw new IllegalArgumentException("(n) is not a tuple, (n,) is");
            }
            return items.stream().mapToLong(Long::longValue).toArray();
        }

        private long integer() {
            skipWhitespace();
            int start = at;
            long value = 0;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                int digit = text.charAt(at++) - '0';
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    throw new IllegalArgumentException("shape size "
                            + text.substring(start, Math.min(text.length(), start + 40))
                            + " overflows a 64-bit integer");
                }
                value = value * 10 + digit;
            }
            if (at == start) {
                throw new IllegalArgumentException("expected a non-negative integer at character "
                        + start);
            }
            if (at - start > 1 && text.charAt(start) == '0') {
                throw new IllegalArgumentException("integer with a leading zero at character "
                        + start);
            }
            return value;
        }

        private String string() {
            skipWhitespace();
            if (at >= text.length() || (text.charAt(at) != '\'' && text.charAt(at) != '"')) {
                throw new IllegalArgumentException("expected a quoted string at character " + at);
            }
            char quote = text.charAt(at++);
            int end = text.indexOf(quote, at);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string at character " + at);
            }
            String value = text.substring(at, end);
            if (value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("escape or newline in a string at character "
                        + at);
            }
            at = end + 1;
            return value;
        }

        private boolean peek(char c) {
            skipWhitespace();
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + at);
            }
            at++;
        }

        private void skipWhitespace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n'
                    || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
                at++;
            }
        }
    }
}
