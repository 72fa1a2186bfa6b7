package org.netcompare.engine.linalg;

/** Plain-Java {@link RankTwoRowKernel}, for JVMs started without the Vector API module. */
final class ScalarRankTwoRowKernel implements RankTwoRowKernel {

    @Override
    public double apply(double[] a, int rowOffset, int from, int to, double pvi, double pwi,
            double vi, double[] pv, double[] pw, double[] v, double[] p) {
        double dot = 0;
        for (int j = from; j < to; j++) {
            double aij = a[rowOffset + j] - pvi * pw[j] - pwi * pv[j];
            a[rowOffset + j] = aij;
            dot += aij * v[j];
            p[j] += aij * vi;
        }
        return dot;
    }
}
