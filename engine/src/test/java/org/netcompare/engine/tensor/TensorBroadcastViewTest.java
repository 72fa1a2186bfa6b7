package org.netcompare.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorBroadcastViewTest {

    private static Tensor iota(int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] data = t.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        return t;
    }

    @Test
    void expandRepeatsSizeOneAxesAndAddsLeadingAxes() {
        Tensor row = iota(1, 3);
        Tensor grown = row.expand(2, 4, 3);
        assertArrayEquals(new int[] {2, 4, 3}, grown.shape());
        assertArrayEquals(new int[] {0, 0, 1}, grown.strides());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(k, grown.get(i, j, k));
                }
            }
        }
        assertArrayEquals(new float[] {0, 1, 2, 0, 1, 2}, iota(3).expand(2, 3).toArray());
        assertFalse(grown.isContiguous());
    }

    @Test
    void expandKeepsMatchingAxesOfAStridedView() {
        Tensor column = iota(3, 2).slice(1, 1, 2); // [[1], [3], [5]], row stride 2
        assertArrayEquals(new float[] {1, 1, 3, 3, 5, 5}, column.expand(3, 2).toArray());
    }

    @Test
    void expandRejectsIncompatibleShapesNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> iota(2, 3).expand(4, 3));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 3]"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> iota(2, 3).expand(3));
    }

    @Test
    void unsqueezeInsertsAnAxisAndKeepsContiguity() {
        Tensor t = iota(2, 3);
        assertArrayEquals(new int[] {1, 2, 3}, t.unsqueeze(0).shape());
        assertArrayEquals(new int[] {2, 1, 3}, t.unsqueeze(1).shape());
        assertArrayEquals(new int[] {2, 3, 1}, t.unsqueeze(2).shape());
        assertArrayEquals(new int[] {2, 3, 1}, t.unsqueeze(-1).shape());
        assertTrue(t.unsqueeze(1).isContiguous());
        assertEquals(t.get(1, 2), t.unsqueeze(1).get(1, 0, 2));
        assertArrayEquals(t.toArray(), t.unsqueeze(2).reshape(6).toArray());
        assertThrows(IllegalArgumentException.class, () -> t.unsqueeze(3 + 1));
        assertThrows(IllegalArgumentException.class, () -> t.unsqueeze(-4));
    }

    @Test
    void unsqueezeOfATransposedViewAddressesTheSameElements() {
        Tensor t = iota(2, 3).transpose(0, 1);
        Tensor u = t.unsqueeze(1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(t.get(i, j), u.get(i, 0, j));
            }
        }
    }
}
