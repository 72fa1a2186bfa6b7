package org.netcompare.engine.linalg;

/** Plain-Java {@link RotationKernel}, for JVMs started without the Vector API module. */
final class ScalarRotationKernel implements RotationKernel {

    @Override
    public void apply(double[] a, int cols, int from, int to, int[] index, double[] cosines,
            double[] sines, int count) {
        for (int r = 0; r < count; r++) {
            double c = cosines[r];
            double s = sines[r];
            int upper = index[r] * cols;
            int lower = upper + cols;
            for (int j = from; j < to; j++) {
                double x = a[upper + j];
                double y = a[lower + j];
                a[upper + j] = c * x + s * y;
                a[lower + j] = c * y - s * x;
            }
        }
    }
}
