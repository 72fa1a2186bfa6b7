package org.netcompare.engine.io;

/**
 * Element types of the arrays users bring, with their names in NumPy descriptors (without the
 * byte-order character) and in safetensors headers.
 *
 * <p>An {@link NdArray} keeps each element in a Java primitive of the same width, so reading and
 * writing back is bit-exact: 1-byte types in {@code byte[]}, 2-byte types in {@code short[]}
 * (half precision as raw bits), 4-byte integers in {@code int[]}, {@code I64} in {@code long[]},
 * {@code F32} in {@code float[]} and {@code F64} in {@code double[]}. Unsigned types are
 * reinterpreted when converted.
 */
public enum DType {
    BOOL(1, "b1", "BOOL", Storage.BYTE),
    I8(1, "i1", "I8", Storage.BYTE),
    U8(1, "u1", "U8", Storage.BYTE),
    I16(2, "i2", "I16", Storage.SHORT),
    U16(2, "u2", "U16", Storage.SHORT),
    I32(4, "i4", "I32", Storage.INT),
    U32(4, "u4", "U32", Storage.INT),
    I64(8, "i8", "I64", Storage.LONG),
    /** IEEE 754 binary16. */
    F16(2, "f2", "F16", Storage.SHORT),
    /** bfloat16: the upper half of a binary32; NumPy has no descriptor for it. */
    BF16(2, null, "BF16", Storage.SHORT),
    F32(4, "f4", "F32", Storage.FLOAT),
    F64(8, "f8", "F64", Storage.DOUBLE);

    private final int itemSize;
    private final String numpyCode;
    private final String safetensorsName;
    private final Storage storage;

    DType(int itemSize, String numpyCode, String safetensorsName, Storage storage) {
        this.itemSize = itemSize;
        this.numpyCode = numpyCode;
        this.safetensorsName = safetensorsName;
        this.storage = storage;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** True for F16, BF16, F32 and F64. */
    public boolean isFloatingPoint() {
        return this == F16 || this == BF16 || this == F32 || this == F64;
    }

    /** Kind and size as in a NumPy descriptor ({@code "f4"}), or null where NumPy has none. */
    public String numpyCode() {
        return numpyCode;
    }

    /** The name a safetensors header uses ({@code "F32"}). */
    public String safetensorsName() {
        return safetensorsName;
    }

    Storage storage() {
        return storage;
    }

    /** The type with this NumPy kind and size ({@code "f4"}), or null if none. */
    static DType fromNumpyCode(String code) {
        for (DType type : values()) {
            if (code.equals(type.numpyCode)) {
                return type;
            }
        }
        return null;
    }

    /** The type with this safetensors name ({@code "F32"}), or null if none. */
    static DType fromSafetensorsName(String name) {
        for (DType type : values()) {
            if (name.equals(type.safetensorsName)) {
                return type;
            }
        }
        return null;
    }
}
