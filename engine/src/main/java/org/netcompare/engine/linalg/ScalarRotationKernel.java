package org.netcompare.engine.linalg;

/** Plain-Java {@link RotationKernel}, for JVMs started without the Vector API module. */
final class ScalarRotationKernel implements RotationKernel {

    @Override
    public void apply(double[] a, int cols, int from, int to, int[] upper, int[] lower,
            double[] cosines, double[] sines, int count) {
        for (int r = 0; r < count; r++) {
            double c = cosines[r];
            double s = sines[r];
            int rowX = upper[r] * cols;
            int rowY = lower[r] * cols;
            for (int j = from; j < to; j++) {
                double x = a[rowX + j];
                double y = a[rowY + j];
                a[rowX + j] = c * x + s * y;
                a[rowY + j] = c * y - s * x;
            }
        }
    }
}
