package org.netcompare.engine.compute;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseLoops} on the incubator Vector API, the preferred species of the machine (16
 * floats with AVX-512). Each operation is its own loop with constant operators, so the JIT
 * compiles it to SIMD instructions (exponential, logarithm and tanh become calls into its
 * vector math library, SVML on x86); the tail shorter than one vector goes to
 * {@link ScalarLoops}.
 *
 * <p>Where this differs from the scalar reference: the exponential of a shifted value
 * subtracts the shift in float, exact when x and the shift are within a factor of two
 * (Sterbenz) and otherwise moving e^(x - shift) by a relative |x - shift| 2^-24, below the
 * rounding of any value that counts next to e^0 = 1; sigmoid is computed in float as
 * 1 / (1 + e^-x) for x >= 0 and e^x / (1 + e^x) below, so it neither overflows nor flushes
 * tiny values to zero; sums keep float partial sums over {@link #FLUSH} vectors per lane
 * before they go to double.
 */
final class VectorLoops implements DenseLoops {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Vectors added per lane in float before the partial sum moves to double. */
    private static final int FLUSH = 16;
    private static final ScalarLoops TAIL = ScalarLoops.INSTANCE;

    @Override
    public void unary(UnaryOp op, float[] x, int xi, float[] y, int yi, int n) {
        int bound = SPECIES.loopBound(n);
        int i = 0;
        switch (op) {
            case RELU -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, x, xi + i).max(0f).intoArray(y, yi + i);
                }
            }
            case EXP -> {
                expInto(x, xi, 0f, y, yi, n);
                return;
            }
            case LOG -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, x, xi + i).lanewise(VectorOperators.LOG)
                            .intoArray(y, yi + i);
                }
            }
            case TANH -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, x, xi + i).lanewise(VectorOperators.TANH)
                            .intoArray(y, yi + i);
                }
            }
            case SIGMOID -> {
                for (; i < bound; i += LANES) {
                    FloatVector v = FloatVector.fromArray(SPECIES, x, xi + i);
                    FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
                    FloatVector d = e.add(1f);
                    FloatVector positive = FloatVector.broadcast(SPECIES, 1f).div(d);
                    positive.blend(e.div(d), v.lt(0f)).intoArray(y, yi + i);
                }
            }
            case NEG -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, x, xi + i).neg().intoArray(y, yi + i);
                }
            }
            case ABS -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, x, xi + i).abs().intoArray(y, yi + i);
                }
            }
            case SQUARE -> {
                for (; i < bound; i += LANES) {
                    FloatVector v = FloatVector.fromArray(SPECIES, x, xi + i);
                    v.mul(v).intoArray(y, yi + i);
                }
            }
            case SQRT -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, x, xi + i).sqrt().intoArray(y, yi + i);
                }
            }
        }
        TAIL.unary(op, x, xi + bound, y, yi + bound, n - bound);
    }

    @Override
    public void affine(float[] x, int xi, float scale, float shift, float[] y, int yi, int n) {
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xi + i).mul(scale).add(shift).intoArray(y, yi + i);
        }
        TAIL.affine(x, xi + bound, scale, shift, y, yi + bound, n - bound);
    }

    @Override
    public void binary(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] y, int yi,
            int n) {
        int bound = SPECIES.loopBound(n);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, a, ai + i)
                            .add(FloatVector.fromArray(SPECIES, b, bi + i)).intoArray(y, yi + i);
                }
            }
            case SUB -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, a, ai + i)
                            .sub(FloatVector.fromArray(SPECIES, b, bi + i)).intoArray(y, yi + i);
                }
            }
            case MUL -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, a, ai + i)
                            .mul(FloatVector.fromArray(SPECIES, b, bi + i)).intoArray(y, yi + i);
                }
            }
            case DIV -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, a, ai + i)
                            .div(FloatVector.fromArray(SPECIES, b, bi + i)).intoArray(y, yi + i);
                }
            }
            case MAX -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, a, ai + i)
                            .max(FloatVector.fromArray(SPECIES, b, bi + i)).intoArray(y, yi + i);
                }
            }
            case MIN -> {
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(SPECIES, a, ai + i)
                            .min(FloatVector.fromArray(SPECIES, b, bi + i)).intoArray(y, yi + i);
                }
            }
        }
        TAIL.binary(op, a, ai + bound, b, bi + bound, y, yi + bound, n - bound);
    }

    @Override
    public float max(float[] x, int xi, int n) {
        int bound = SPECIES.loopBound(n);
        if (bound == 0) {
            return TAIL.max(x, xi, n);
        }
        FloatVector m = FloatVector.fromArray(SPECIES, x, xi);
        for (int i = LANES; i < bound; i += LANES) {
            m = m.max(FloatVector.fromArray(SPECIES, x, xi + i));
        }
        float result = m.reduceLanes(VectorOperators.MAX);
        return bound == n ? result : Math.max(result, TAIL.max(x, xi + bound, n - bound));
    }

    @Override
    public float min(float[] x, int xi, int n) {
        int bound = SPECIES.loopBound(n);
        if (bound == 0) {
            return TAIL.min(x, xi, n);
        }
        FloatVector m = FloatVector.fromArray(SPECIES, x, xi);
        for (int i = LANES; i < bound; i += LANES) {
            m = m.min(FloatVector.fromArray(SPECIES, x, xi + i));
        }
        float result = m.reduceLanes(VectorOperators.MIN);
        return bound == n ? result : Math.min(result, TAIL.min(x, xi + bound, n - bound));
    }

    @Override
    public double sum(float[] x, int xi, int n) {
        int bound = SPECIES.loopBound(n);
        double sum = 0;
        int i = 0;
        while (i < bound) {
            FloatVector partial = FloatVector.zero(SPECIES);
            int end = Math.min(bound, i + FLUSH * LANES);
            for (; i < end; i += LANES) {
                partial = partial.add(FloatVector.fromArray(SPECIES, x, xi + i));
            }
            sum += partial.reduceLanes(VectorOperators.ADD);
        }
        return sum + TAIL.sum(x, xi + bound, n - bound);
    }

    @Override
    public double expInto(float[] x, int xi, float shift, float[] y, int yi, int n) {
        int bound = SPECIES.loopBound(n);
        double sum = 0;
        int i = 0;
        while (i < bound) {
            FloatVector partial = FloatVector.zero(SPECIES);
            int end = Math.min(bound, i + FLUSH * LANES);
            for (; i < end; i += LANES) {
                FloatVector e = FloatVector.fromArray(SPECIES, x, xi + i).sub(shift)
                        .lanewise(VectorOperators.EXP);
                e.intoArray(y, yi + i);
                partial = partial.add(e);
            }
            sum += partial.reduceLanes(VectorOperators.ADD);
        }
        return sum + TAIL.expInto(x, xi + bound, shift, y, yi + bound, n - bound);
    }

    @Override
    public double sumExp(float[] x, int xi, float shift, int n) {
        int bound = SPECIES.loopBound(n);
        double sum = 0;
        int i = 0;
        while (i < bound) {
            FloatVector partial = FloatVector.zero(SPECIES);
            int end = Math.min(bound, i + FLUSH * LANES);
            for (; i < end; i += LANES) {
                partial = partial.add(FloatVector.fromArray(SPECIES, x, xi + i).sub(shift)
                        .lanewise(VectorOperators.EXP));
            }
            sum += partial.reduceLanes(VectorOperators.ADD);
        }
        return sum + TAIL.sumExp(x, xi + bound, shift, n - bound);
    }

    @Override
    public String toString() {
        return "vector (" + SPECIES.vectorBitSize() + "-bit)";
    }
}
