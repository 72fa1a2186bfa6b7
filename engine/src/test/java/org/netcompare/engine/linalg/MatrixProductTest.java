package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixProductTest {

    @Test
    void timesMatchesHandComputedProduct() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        assertArrayEquals(new double[] {58, 64, 139, 154}, a.times(b).data());
    }

    @Test
    void transposeTimesEqualsTimesOfTheTranspose() {
        // Both pack the same values of A^T in the same order, so they agree bit for bit.
        Random random = new Random(2);
        Matrix a = random(random, 300, 41);
        Matrix b = random(random, 300, 23);
        Matrix expected = a.transpose().times(b);
        Matrix actual = a.transposeTimes(b);
        assertEquals(41, actual.rows());
        assertEquals(23, actual.cols());
        assertArrayEquals(expected.data(), actual.data());
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        assertArrayEquals(new double[6], Matrix.zeros(2, 0).times(Matrix.zeros(0, 3)).data());
        assertArrayEquals(new double[6], Matrix.zeros(0, 2).transposeTimes(Matrix.zeros(0, 3))
                .data());
    }

    @Test
    void rejectsMismatchedSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(2, 3).times(Matrix.zeros(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(2, 3).transposeTimes(Matrix.zeros(3, 2)));
    }

    private static Matrix random(Random random, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = random.nextGaussian();
        }
        return m;
    }
}
