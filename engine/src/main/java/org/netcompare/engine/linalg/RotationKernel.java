package org.netcompare.engine.linalg;

import org.netcompare.engine.simd.VectorSupport;

/**
 * Applies a recorded batch of plane rotations to columns [from, to) of a row-major matrix.
 * Rotation r acts on rows {@code x = upper[r]} and {@code y = lower[r]} as
 * {@code (x, y) <- (c x + s y, c y - s x)}; rotations are applied in order.
 */
interface RotationKernel {

    void apply(double[] a, int cols, int from, int to, int[] upper, int[] lower,
            double[] cosines, double[] sines, int count);

    /** The Vector API kernel when {@link VectorSupport#available()}, else the plain one. */
    static RotationKernel best() {
        return VectorSupport.choose(() -> new VectorRotationKernel(), ScalarRotationKernel::new);
    }

    /**
     * End (exclusive) of the sweep starting at rotation {@code r}: the longest run of rotations
     * on rows (k, k+1), (k+1, k+2), ..., as one implicit QR step records them; r + 1 when
     * rotation r is not of adjacent rows. Within a sweep the lower row of one rotation is the
     * upper row of the next, so kernels keep it in registers instead of storing and reloading
     * it.
     */
    static int sweepEnd(int[] upper, int[] lower, int r, int count) {
        int end = r + 1;
        if (lower[r] != upper[r] + 1) {
            return end;
        }
        while (end < count && upper[end] == lower[end - 1] && lower[end] == upper[end] + 1) {
            end++;
        }
        return end;
    }
}
