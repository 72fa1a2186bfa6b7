package org.netcompare.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.netcompare.engine.tensor.Tensor;

/** Layouts for elementwise.cl: axes merged where, and only where, every operand allows it. */
class ViewsTest {

    @Test
    void contiguousOperandsBecomeOneAxis() {
        Tensor a = Tensor.zeros(4, 5, 6);
        Tensor b = Tensor.zeros(4, 5, 6);
        assertArrayEquals(new int[] {1, 120, 1, 1}, Views.layout(a.shape(), a, b));
    }

    @Test
    void aBroadcastRowKeepsItsAxesApart() {
        Tensor x = Tensor.zeros(3, 4, 5);
        Tensor row = Tensor.zeros(5).expand(3, 4, 5);   // strides {0, 0, 1}
        // x merges everywhere; the row merges its two stride-0 axes only
        assertArrayEquals(new int[] {2, 12, 5, 5, 1, 0, 1},
                Views.layout(x.shape(), x, row));
    }

    @Test
    void sizeOneAxesAndTransposesAreHandled() {
        // [1, 3, 1, 4] with strides {12, 1, 3, 3}
        Tensor t = Tensor.zeros(1, 4, 1, 3).permute(0, 3, 2, 1);
        Tensor out = Tensor.zeros(1, 3, 1, 4);
        assertArrayEquals(new int[] {2, 3, 4, 1, 3, 4, 1}, Views.layout(out.shape(), t, out));
        assertArrayEquals(new int[] {0}, Views.layout(new int[] {1, 1}, Tensor.zeros(1, 1)));
    }
}
