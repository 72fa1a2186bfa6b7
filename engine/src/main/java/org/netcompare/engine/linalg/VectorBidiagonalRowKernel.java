package org.netcompare.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BidiagonalRowKernel} on the incubator Vector API.
 *
 * <p>Only loaded after {@link BidiagonalRowKernel#best} has seen the module in the boot layer.
 */
final class VectorBidiagonalRowKernel implements BidiagonalRowKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final ScalarBidiagonalRowKernel tail = new ScalarBidiagonalRowKernel();

    @Override
    public double leftUpdateDot(double[] a, int rowOffset, int from, int to, double vi,
            double[] w, double[] u) {
        DoubleVector minusVi = DoubleVector.broadcast(SPECIES, -vi);
        DoubleVector dot0 = DoubleVector.zero(SPECIES);
        DoubleVector dot1 = DoubleVector.zero(SPECIES);
        int j = from;
        for (; j + 2 * LANES <= to; j += 2 * LANES) {
            int k = j + LANES;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, w, j)
                    .fma(minusVi, DoubleVector.fromArray(SPECIES, a, rowOffset + j));
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, w, k)
                    .fma(minusVi, DoubleVector.fromArray(SPECIES, a, rowOffset + k));
            x0.intoArray(a, rowOffset + j);
            x1.intoArray(a, rowOffset + k);
            dot0 = x0.fma(DoubleVector.fromArray(SPECIES, u, j), dot0);
            dot1 = x1.fma(DoubleVector.fromArray(SPECIES, u, k), dot1);
        }
        return dot0.add(dot1).reduceLanes(VectorOperators.ADD)
                + tail.leftUpdateDot(a, rowOffset, j, to, vi, w, u);
    }

    @Override
    public void rightUpdateAccumulate(double[] a, int rowOffset, int from, int to, double f,
            double[] u, double c, double[] z) {
        DoubleVector minusF = DoubleVector.broadcast(SPECIES, -f);
        DoubleVector cs = DoubleVector.broadcast(SPECIES, c);
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, u, j)
                    .fma(minusF, DoubleVector.fromArray(SPECIES, a, rowOffset + j));
            x.intoArray(a, rowOffset + j);
            x.fma(cs, DoubleVector.fromArray(SPECIES, z, j)).intoArray(z, j);
        }
        tail.rightUpdateAccumulate(a, rowOffset, j, to, f, u, c, z);
    }
}
