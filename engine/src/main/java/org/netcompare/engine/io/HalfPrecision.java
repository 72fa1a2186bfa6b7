package org.netcompare.engine.io;

/**
 * Conversions between float32 and the two 16-bit float formats of saved weights: IEEE 754
 * binary16 ({@code F16}) and bfloat16 ({@code BF16}, the upper 16 bits of a binary32).
 * Widening is exact; narrowing rounds to nearest, ties to even (IEEE 754-2019 section 4.3.1),
 * as NumPy's {@code astype(float16)} and PyTorch's {@code .to(torch.bfloat16)} do.
 */
public final class HalfPrecision {

    private HalfPrecision() {
    }

    /** The binary16 value with these bits, exactly. */
    public static float halfToFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }

    /** The nearest binary16 (ties to even); beyond 65504 rounds to infinity, NaN stays NaN. */
    public static short floatToHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        if (magnitude >= 0x7F800000) {
            boolean nan = magnitude > 0x7F800000;
            return (short) (sign | 0x7C00 | (nan ? 0x200 | ((magnitude >>> 13) & 0x3FF) : 0));
        }
        if (magnitude < 0x38800000) {
            // Below 2^-14 the result is subnormal, a multiple of 2^-24; rint rounds ties to even.
            int units = (int) Math.rint(Float.intBitsToFloat(magnitude) * 0x1p24);
            return (short) (sign | units);
        }
        int exponent = (magnitude >>> 23) - 127 + 15;
        if (exponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        int half = (exponent << 10) | ((magnitude >>> 13) & 0x3FF);
        int dropped = magnitude & 0x1FFF;
        if (dropped > 0x1000 || (dropped == 0x1000 && (half & 1) != 0)) {
            half++; // a carry out of the mantissa correctly bumps the exponent, up to infinity
        }
        return (short) (sign | half);
    }

    /** The bfloat16 value with these bits, exactly. */
    public static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /** The nearest bfloat16 (ties to even); NaN stays NaN. */
    public static short floatToBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }
}
