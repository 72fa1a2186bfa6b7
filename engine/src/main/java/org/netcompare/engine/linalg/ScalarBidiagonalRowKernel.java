package org.netcompare.engine.linalg;

/** Plain-Java {@link BidiagonalRowKernel}, for JVMs started without the Vector API module. */
final class ScalarBidiagonalRowKernel implements BidiagonalRowKernel {

    @Override
    public double leftUpdateDot(double[] a, int rowOffset, int from, int to, double vi,
            double[] w, double[] u) {
        double dot = 0;
        for (int j = from; j < to; j++) {
            double x = a[rowOffset + j] - vi * w[j];
            a[rowOffset + j] = x;
            dot += x * u[j];
        }
        return dot;
    }

    @Override
    public void rightUpdateAccumulate(double[] a, int rowOffset, int from, int to, double f,
            double[] u, double c, double[] z) {
        for (int j = from; j < to; j++) {
            double x = a[rowOffset + j] - f * u[j];
            a[rowOffset + j] = x;
            z[j] += c * x;
        }
    }
}
