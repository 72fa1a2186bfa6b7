package org.netcompare.engine.compute;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpLoops} on the incubator Vector API: one SIMD exponential per vector of floats (the
 * JIT maps it to a vector math library call, SVML on x86). The shift is subtracted in float,
 * which is exact whenever x and the shift are within a factor of two (Sterbenz) and otherwise
 * moves e^(x - shift) by a relative |x - shift| * 2^-24, far below the float rounding of values
 * that matter next to e^0 = 1. Partial sums stay in float for {@link #FLUSH} vectors per lane,
 * then go to double.
 */
final class VectorExpLoops implements ExpLoops {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Vectors accumulated in float before the partial sum moves to double. */
    private static final int FLUSH = 16;

    @Override
    public double expInto(float[] x, int xi, float shift, float[] y, int yi, int n) {
        int lanes = SPECIES.length();
        int bound = n - n % lanes;
        double sum = 0;
        int i = 0;
        while (i < bound) {
            FloatVector partial = FloatVector.zero(SPECIES);
            int end = Math.min(bound, i + FLUSH * lanes);
            for (; i < end; i += lanes) {
                FloatVector e = FloatVector.fromArray(SPECIES, x, xi + i).sub(shift)
                        .lanewise(VectorOperators.EXP);
                e.intoArray(y, yi + i);
                partial = partial.add(e);
            }
            sum += partial.reduceLanes(VectorOperators.ADD);
        }
        return sum + SCALAR.expInto(x, xi + bound, shift, y, yi + bound, n - bound);
    }

    @Override
    public double sumExp(float[] x, int xi, float shift, int n) {
        int lanes = SPECIES.length();
        int bound = n - n % lanes;
        double sum = 0;
        int i = 0;
        while (i < bound) {
            FloatVector partial = FloatVector.zero(SPECIES);
            int end = Math.min(bound, i + FLUSH * lanes);
            for (; i < end; i += lanes) {
                partial = partial.add(FloatVector.fromArray(SPECIES, x, xi + i).sub(shift)
                        .lanewise(VectorOperators.EXP));
            }
            sum += partial.reduceLanes(VectorOperators.ADD);
        }
        return sum + SCALAR.sumExp(x, xi + bound, shift, n - bound);
    }
}
