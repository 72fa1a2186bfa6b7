package org.netcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

class NdArrayTest {

    @Test
    void matrixFlattensTrailingAxes() {
        double[] values = new double[24];
        for (int i = 0; i < 24; i++) {
            values[i] = i;
        }
        Matrix m = NdArray.ofDoubles(values, 2, 3, 4).toMatrix();
        assertEquals(2, m.rows());
        assertEquals(12, m.cols());
        assertEquals(17, m.get(1, 5));
        assertSame(values, m.data());

        Matrix column = NdArray.ofInts(new int[] {4, 5, 6}, 3).toMatrix();
        assertEquals(3, column.rows());
        assertEquals(1, column.cols());
        assertArrayEquals(new double[] {4, 5, 6}, column.data());

        Matrix scalar = NdArray.ofFloats(new float[] {2.5f}).toMatrix();
        assertEquals(1, scalar.rows());
        assertEquals(1, scalar.cols());

        Matrix empty = NdArray.ofFloats(new float[0], 0, 5).toMatrix();
        assertEquals(0, empty.rows());
        assertEquals(5, empty.cols());
    }

    @Test
    void tensorKeepsTheShapeAndSharesFloat32Storage() {
        float[] values = {1, 2, 3, 4, 5, 6};
        Tensor t = NdArray.ofFloats(values, 1, 2, 3).toTensor();
        assertArrayEquals(new int[] {1, 2, 3}, t.shape());
        assertSame(values, t.data());
        Tensor fromDoubles = NdArray.ofDoubles(new double[] {0.1, 2}, 2).toTensor();
        assertArrayEquals(new float[] {0.1f, 2f}, fromDoubles.toArray());
    }

    @Test
    void unsignedTypesReadAsUnsigned() {
        NdArray bytes = new NdArray(DType.U8, new int[] {2}, new byte[] {(byte) 255, 7});
        assertArrayEquals(new int[] {255, 7}, bytes.toIntArray());
        NdArray words = new NdArray(DType.U32, new int[] {1}, new int[] {-1});
        assertArrayEquals(new long[] {4294967295L}, words.toLongArray());
        assertThrows(IllegalArgumentException.class, words::toIntArray);
    }

    @Test
    void intViewOfFloatsNeedsWholeNumbers() {
        assertArrayEquals(new int[] {3, -1}, NdArray.ofDoubles(new double[] {3, -1}, 2)
                .toIntArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NdArray.ofFloats(new float[] {1, 2.5f}, 2).toIntArray());
        assertEquals("element 1 of a F32 array is 2.5, not an int", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NdArray.ofDoubles(new double[] {Double.NaN}, 1).toIntArray());
        assertThrows(IllegalStateException.class,
                () -> NdArray.ofFloats(new float[] {1}, 1).toLongArray());
    }

    @Test
    void shapeMustMatchTheData() {
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofFloats(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofFloats(new float[0], -1));
    }

    @Test
    void elementCountRefusesWhatNoArrayHolds() {
        assertEquals(0, NdArray.elementCount(new long[] {1L << 40, 0, 1L << 40}));
        assertEquals(-1, NdArray.elementCount(new long[] {1L << 40, 1L << 40}));
        assertEquals(-1, NdArray.elementCount(new long[] {Integer.MAX_VALUE}));
        assertEquals(NdArray.MAX_ELEMENTS, NdArray.elementCount(new long[] {NdArray.MAX_ELEMENTS}));
        assertEquals(1, NdArray.elementCount(new long[0]));
    }

    @Test
    void convertsToHalfPrecisionRoundingToNearestEven() {
        // np.array([1 + 2**-11, 1 + 3 * 2**-11, 65520, 0.1], np.float32).astype(np.float16)
        NdArray halves = NdArray.ofDoubles(new double[] {1 + 0x1p-11, 1 + 3 * 0x1p-11, 65520, 0.1},
                4).toFloatingPoint(DType.F16);
        assertEquals(DType.F16, halves.dtype());
        assertArrayEquals(new short[] {0x3c00, 0x3c02, 0x7c00, 0x2e66}, (short[]) halves.data());
        NdArray brain = NdArray.ofFloats(new float[] {1 + 0x1p-8f, 3.140625f}, 2)
                .toFloatingPoint(DType.BF16);
        assertArrayEquals(new float[] {1, 3.140625f}, brain.toFloatArray());
        assertArrayEquals(new double[] {7, 8}, NdArray.ofInts(new int[] {7, 8}, 2)
                .toFloatingPoint(DType.F64).toDoubleArray());
        assertThrows(IllegalArgumentException.class,
                () -> NdArray.ofFloats(new float[] {1}, 1).toFloatingPoint(DType.I32));
    }
}
