package org.netcompare.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ReflectorGroupKernel} on the incubator Vector API: the four dot products accumulate in
 * four vector registers and are summed across lanes once at the end.
 *
 * <p>Only loaded after {@link ReflectorGroupKernel#best} has seen the module in the boot layer.
 */
final class VectorReflectorGroupKernel implements ReflectorGroupKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public void apply(double[] x, int xOffset, double[] v, int vOffset, int length, double[] t) {
        int v0 = vOffset;
        int v1 = v0 + length;
        int v2 = v1 + length;
        int v3 = v2 + length;
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = DoubleVector.zero(SPECIES);
        DoubleVector s2 = DoubleVector.zero(SPECIES);
        DoubleVector s3 = DoubleVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector xj = DoubleVector.fromArray(SPECIES, x, xOffset + j);
            s0 = xj.fma(DoubleVector.fromArray(SPECIES, v, v0 + j), s0);
            s1 = xj.fma(DoubleVector.fromArray(SPECIES, v, v1 + j), s1);
            s2 = xj.fma(DoubleVector.fromArray(SPECIES, v, v2 + j), s2);
            s3 = xj.fma(DoubleVector.fromArray(SPECIES, v, v3 + j), s3);
        }
        double d0 = s0.reduceLanes(VectorOperators.ADD);
        double d1 = s1.reduceLanes(VectorOperators.ADD);
        double d2 = s2.reduceLanes(VectorOperators.ADD);
        double d3 = s3.reduceLanes(VectorOperators.ADD);
        for (; j < length; j++) {
            double xj = x[xOffset + j];
            d0 += xj * v[v0 + j];
            d1 += xj * v[v1 + j];
            d2 += xj * v[v2 + j];
            d3 += xj * v[v3 + j];
        }
        double[] w = {d0, d1, d2, d3};
        ReflectorGroupKernel.timesT(w, t);
        DoubleVector u0 = DoubleVector.broadcast(SPECIES, -w[0]);
        DoubleVector u1 = DoubleVector.broadcast(SPECIES, -w[1]);
        DoubleVector u2 = DoubleVector.broadcast(SPECIES, -w[2]);
        DoubleVector u3 = DoubleVector.broadcast(SPECIES, -w[3]);
        for (j = 0; j < bound; j += LANES) {
            DoubleVector xj = DoubleVector.fromArray(SPECIES, x, xOffset + j);
            xj = DoubleVector.fromArray(SPECIES, v, v0 + j).fma(u0, xj);
            xj = DoubleVector.fromArray(SPECIES, v, v1 + j).fma(u1, xj);
            xj = DoubleVector.fromArray(SPECIES, v, v2 + j).fma(u2, xj);
            xj = DoubleVector.fromArray(SPECIES, v, v3 + j).fma(u3, xj);
            xj.intoArray(x, xOffset + j);
        }
        for (; j < length; j++) {
            x[xOffset + j] -= w[0] * v[v0 + j] + w[1] * v[v1 + j] + w[2] * v[v2 + j]
                    + w[3] * v[v3 + j];
        }
    }
}
