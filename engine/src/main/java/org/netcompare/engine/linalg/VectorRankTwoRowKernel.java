package org.netcompare.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RankTwoRowKernel} on the incubator Vector API.
 *
 * <p>Only loaded after {@link RankTwoRowKernel#best} has seen the module in the boot layer.
 */
final class VectorRankTwoRowKernel implements RankTwoRowKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final ScalarRankTwoRowKernel tail = new ScalarRankTwoRowKernel();

    @Override
    public double apply(double[] a, int rowOffset, int from, int to, double pvi, double pwi,
            double vi, double[] pv, double[] pw, double[] v, double[] p) {
        DoubleVector minusPvi = DoubleVector.broadcast(SPECIES, -pvi);
        DoubleVector minusPwi = DoubleVector.broadcast(SPECIES, -pwi);
        DoubleVector vis = DoubleVector.broadcast(SPECIES, vi);
        DoubleVector dot = DoubleVector.zero(SPECIES);
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector aij = DoubleVector.fromArray(SPECIES, a, rowOffset + j);
            aij = DoubleVector.fromArray(SPECIES, pw, j).fma(minusPvi, aij);
            aij = DoubleVector.fromArray(SPECIES, pv, j).fma(minusPwi, aij);
            aij.intoArray(a, rowOffset + j);
            dot = aij.fma(DoubleVector.fromArray(SPECIES, v, j), dot);
            aij.fma(vis, DoubleVector.fromArray(SPECIES, p, j)).intoArray(p, j);
        }
        return dot.reduceLanes(VectorOperators.ADD)
                + tail.apply(a, rowOffset, j, to, pvi, pwi, vi, pv, pw, v, p);
    }
}
