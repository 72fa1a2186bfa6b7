package org.netcompare.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RotationKernel} on the incubator Vector API. A sweep of rotations on rows k, k+1, ...
 * is applied to four vectors of columns at once, carrying the row shared by consecutive
 * rotations in registers: one load and one store per row and vector instead of two of each,
 * and four independent dependence chains to hide the multiply-add latency (the fused sweeps of
 * Van Zee, van de Geijn and Quintana-Orti, "Restructuring the tridiagonal and bidiagonal QR
 * algorithms for performance", ACM TOMS 40(3), 2014, section 4, without the wavefront).
 *
 * <p>Only loaded after {@link RotationKernel#best} has seen the module in the boot layer.
 */
final class VectorRotationKernel implements RotationKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final ScalarRotationKernel tail = new ScalarRotationKernel();

    @Override
    public void apply(double[] a, int cols, int from, int to, int[] upper, int[] lower,
            double[] cosines, double[] sines, int count) {
        int j = from;
        for (; j + 4 * LANES <= to; j += 4 * LANES) {
            applyFour(a, cols, j, upper, lower, cosines, sines, count);
        }
        for (; j + LANES <= to; j += LANES) {
            applyOne(a, cols, j, upper, lower, cosines, sines, count);
        }
        if (j < to) {
            tail.apply(a, cols, j, to, upper, lower, cosines, sines, count);
        }
    }

    private static void applyFour(double[] a, int cols, int j, int[] upper, int[] lower,
            double[] cosines, double[] sines, int count) {
        int j1 = j + LANES;
        int j2 = j1 + LANES;
        int j3 = j2 + LANES;
        for (int r = 0; r < count; ) {
            int end = RotationKernel.sweepEnd(upper, lower, r, count);
            if (lower[r] != upper[r] + 1) {
                rotateRows(a, upper[r] * cols, lower[r] * cols, j, 4, cosines[r], sines[r]);
                r = end;
                continue;
            }
            int row = upper[r] * cols;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, row + j);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, row + j1);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, a, row + j2);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, a, row + j3);
            for (; r < end; r++) {
                DoubleVector c = DoubleVector.broadcast(SPECIES, cosines[r]);
                DoubleVector s = DoubleVector.broadcast(SPECIES, sines[r]);
                DoubleVector minusS = s.neg();
                int next = row + cols;
                DoubleVector y0 = DoubleVector.fromArray(SPECIES, a, next + j);
                DoubleVector y1 = DoubleVector.fromArray(SPECIES, a, next + j1);
                DoubleVector y2 = DoubleVector.fromArray(SPECIES, a, next + j2);
                DoubleVector y3 = DoubleVector.fromArray(SPECIES, a, next + j3);
                y0.fma(s, x0.mul(c)).intoArray(a, row + j);
                y1.fma(s, x1.mul(c)).intoArray(a, row + j1);
                y2.fma(s, x2.mul(c)).intoArray(a, row + j2);
                y3.fma(s, x3.mul(c)).intoArray(a, row + j3);
                x0 = y0.fma(c, x0.mul(minusS));
                x1 = y1.fma(c, x1.mul(minusS));
                x2 = y2.fma(c, x2.mul(minusS));
                x3 = y3.fma(c, x3.mul(minusS));
                row = next;
            }
            x0.intoArray(a, row + j);
            x1.intoArray(a, row + j1);
            x2.intoArray(a, row + j2);
            x3.intoArray(a, row + j3);
        }
    }

    /** One rotation of two arbitrary rows over {@code vectors} vectors of columns from j. */
    private static void rotateRows(double[] a, int rowX, int rowY, int j, int vectors, double c,
            double s) {
        for (int q = 0; q < vectors; q++, j += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, rowX + j);
            DoubleVector y = DoubleVector.fromArray(SPECIES, a, rowY + j);
            y.mul(s).add(x.mul(c)).intoArray(a, rowX + j);
            y.mul(c).sub(x.mul(s)).intoArray(a, rowY + j);
        }
    }

    private static void applyOne(double[] a, int cols, int j, int[] upper, int[] lower,
            double[] cosines, double[] sines, int count) {
        for (int r = 0; r < count; ) {
            int end = RotationKernel.sweepEnd(upper, lower, r, count);
            if (lower[r] != upper[r] + 1) {
                rotateRows(a, upper[r] * cols, lower[r] * cols, j, 1, cosines[r], sines[r]);
                r = end;
                continue;
            }
            int row = upper[r] * cols;
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, row + j);
            for (; r < end; r++) {
                double c = cosines[r];
                double s = sines[r];
                int next = row + cols;
                DoubleVector y = DoubleVector.fromArray(SPECIES, a, next + j);
                y.mul(s).add(x.mul(c)).intoArray(a, row + j);
                x = y.mul(c).sub(x.mul(s));
                row = next;
            }
            x.intoArray(a, row + j);
        }
    }
}
