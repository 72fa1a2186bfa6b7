package org.netcompare.nets.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.netcompare.engine.io.DType;
import org.netcompare.engine.io.FileFormatException;
import org.netcompare.engine.io.NdArray;

/** 8-bit pixels to float32 in {@code [0, 1]}, {@code p / 255} as torchvision's ToTensor does. */
final class UnitPixels {

    private UnitPixels() {
    }

    /**
     * The first {@code images} images of an unsigned-byte array {@code [n, ...]}, scaled.
     *
     * @throws FileFormatException naming {@code file} if the array is not unsigned bytes
     */
    static float[] scaled(NdArray array, int images, Path file) throws FileFormatException {
        if (array.dtype() != DType.U8) {
            throw new FileFormatException(file, "pixels of " + Arrays.toString(array.shape())
                    + " are " + array.dtype() + ", expected unsigned bytes");
        }
        int per = (int) (array.size() / Math.max(1, array.shape()[0]));
        long[] values = array.toLongArray();
        float[] out = new float[Math.multiplyExact(images, per)];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] / 255f;
        }
        return out;
    }

    /** Scales raw bytes {@code from .. from + count - 1} of {@code bytes} into {@code out}. */
    static void scale(byte[] bytes, int from, int count, float[] out, int to) {
        for (int i = 0; i < count; i++) {
            out[to + i] = (bytes[from + i] & 0xFF) / 255f;
        }
    }

    /** The number of images to take from {@code available}, checking {@code limit} >= 1. */
    static int limited(int available, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return Math.min(available, limit);
    }
}
