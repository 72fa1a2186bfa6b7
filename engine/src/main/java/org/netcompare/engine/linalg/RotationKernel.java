package org.netcompare.engine.linalg;

/**
 * Applies a recorded batch of adjacent-row plane rotations to columns [from, to) of a row-major
 * matrix. Rotation r acts on rows {@code index[r]} and {@code index[r] + 1} as
 * {@code (x, y) <- (c x + s y, c y - s x)}; rotations are applied in order.
 */
interface RotationKernel {

    void apply(double[] a, int cols, int from, int to, int[] index, double[] cosines,
            double[] sines, int count);

    /** The Vector API kernel when the JVM has the incubator module, else the plain one. */
    static RotationKernel best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return new VectorRotationKernel();
            } catch (LinkageError unavailable) {
                // fall through to the plain kernel
            }
        }
        return new ScalarRotationKernel();
    }

    /**
     * End (exclusive) of the sweep starting at rotation {@code r}: the longest run of rotations
     * on consecutive rows k, k+1, k+2, ..., as one implicit QR step records them. Within a
     * sweep the lower row of one rotation is the upper row of the next, so kernels keep it in
     * registers instead of storing and reloading it.
     */
    static int sweepEnd(int[] index, int r, int count) {
        int end = r + 1;
        while (end < count && index[end] == index[end - 1] + 1) {
            end++;
        }
        return end;
    }
}
