package org.netcompare.engine.linalg;

/** Plain-Java {@link ReflectorGroupKernel}, for JVMs started without the Vector API module. */
final class ScalarReflectorGroupKernel implements ReflectorGroupKernel {

    @Override
    public void apply(double[] x, int xOffset, double[] v, int vOffset, int length, double[] t) {
        int v0 = vOffset;
        int v1 = v0 + length;
        int v2 = v1 + length;
        int v3 = v2 + length;
        double d0 = 0;
        double d1 = 0;
        double d2 = 0;
        double d3 = 0;
        for (int j = 0; j < length; j++) {
            double xj = x[xOffset + j];
            d0 += xj * v[v0 + j];
            d1 += xj * v[v1 + j];
            d2 += xj * v[v2 + j];
            d3 += xj * v[v3 + j];
        }
        double[] w = {d0, d1, d2, d3};
        ReflectorGroupKernel.timesT(w, t);
        for (int j = 0; j < length; j++) {
            x[xOffset + j] -= w[0] * v[v0 + j] + w[1] * v[v1 + j] + w[2] * v[v2 + j]
                    + w[3] * v[v3 + j];
        }
    }
}
