package org.netcompare.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ReflectorKernel} on the incubator Vector API with fused multiply-adds. Each product
 * keeps a tile of its output in eight vector accumulators: four rows of W by two vectors while
 * the rows of C stream past ({@link #accumulate}), four rows of C by two vectors while the rows
 * of W stream past ({@link #subtract}); the accumulators are separate locals because C2 keeps
 * locals, not array elements, in registers.
 *
 * <p>Only loaded after {@link ReflectorKernel#preferred()} has seen the
 * {@code jdk.incubator.vector} module.
 */
final class VectorReflectorKernel implements ReflectorKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public int columnStep() {
        return 2 * LANES;
    }

    @Override
    public void accumulate(double[] v, int vOffset, int k, int rows, double[] c, int cOffset,
            int ldc, double[] w, int wOffset, int ldw, int width) {
        if (k == 1) {
            accumulateAlongRows(v, vOffset, rows, c, cOffset, ldc, w, wOffset, width);
            return;
        }
        for (int j = 0; j < width; j += 2 * LANES) {
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                int w0 = wOffset + p * ldw + j;
                int w1 = w0 + ldw;
                int w2 = w1 + ldw;
                int w3 = w2 + ldw;
                DoubleVector s00 = DoubleVector.fromArray(SPECIES, w, w0);
                DoubleVector s01 = DoubleVector.fromArray(SPECIES, w, w0 + LANES);
                DoubleVector s10 = DoubleVector.fromArray(SPECIES, w, w1);
                DoubleVector s11 = DoubleVector.fromArray(SPECIES, w, w1 + LANES);
                DoubleVector s20 = DoubleVector.fromArray(SPECIES, w, w2);
                DoubleVector s21 = DoubleVector.fromArray(SPECIES, w, w2 + LANES);
                DoubleVector s30 = DoubleVector.fromArray(SPECIES, w, w3);
                DoubleVector s31 = DoubleVector.fromArray(SPECIES, w, w3 + LANES);
                int ci = cOffset + j;
                int vi = vOffset + p;
                for (int r = 0; r < rows; r++, ci += ldc, vi += k) {
                    DoubleVector c0 = DoubleVector.fromArray(SPECIES, c, ci);
                    DoubleVector c1 = DoubleVector.fromArray(SPECIES, c, ci + LANES);
                    DoubleVector b = DoubleVector.broadcast(SPECIES, v[vi]);
                    s00 = b.fma(c0, s00);
                    s01 = b.fma(c1, s01);
                    b = DoubleVector.broadcast(SPECIES, v[vi + 1]);
                    s10 = b.fma(c0, s10);
                    s11 = b.fma(c1, s11);
                    b = DoubleVector.broadcast(SPECIES, v[vi + 2]);
                    s20 = b.fma(c0, s20);
                    s21 = b.fma(c1, s21);
                    b = DoubleVector.broadcast(SPECIES, v[vi + 3]);
                    s30 = b.fma(c0, s30);
                    s31 = b.fma(c1, s31);
                }
                s00.intoArray(w, w0);
                s01.intoArray(w, w0 + LANES);
                s10.intoArray(w, w1);
                s11.intoArray(w, w1 + LANES);
                s20.intoArray(w, w2);
                s21.intoArray(w, w2 + LANES);
                s30.intoArray(w, w3);
                s31.intoArray(w, w3 + LANES);
            }
            for (; p < k; p++) {
                int w0 = wOffset + p * ldw + j;
                DoubleVector s0 = DoubleVector.fromArray(SPECIES, w, w0);
                DoubleVector s1 = DoubleVector.fromArray(SPECIES, w, w0 + LANES);
                int ci = cOffset + j;
                int vi = vOffset + p;
                for (int r = 0; r < rows; r++, ci += ldc, vi += k) {
                    DoubleVector b = DoubleVector.broadcast(SPECIES, v[vi]);
                    s0 = b.fma(DoubleVector.fromArray(SPECIES, c, ci), s0);
                    s1 = b.fma(DoubleVector.fromArray(SPECIES, c, ci + LANES), s1);
                }
                s0.intoArray(w, w0);
                s1.intoArray(w, w0 + LANES);
            }
        }
    }

    /**
     * {@code w += v^T C} for one reflector (a matrix-vector product): nothing to keep in
     * registers across rows, so rows of C are streamed whole, four at a time.
     */
    private static void accumulateAlongRows(double[] v, int vOffset, int rows, double[] c,
            int cOffset, int ldc, double[] w, int wOffset, int width) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int c0 = cOffset + r * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, v[vOffset + r]);
            DoubleVector a1 = DoubleVector.broadcast(SPECIES, v[vOffset + r + 1]);
            DoubleVector a2 = DoubleVector.broadcast(SPECIES, v[vOffset + r + 2]);
            DoubleVector a3 = DoubleVector.broadcast(SPECIES, v[vOffset + r + 3]);
            for (int j = 0; j < width; j += LANES) {
                DoubleVector s = DoubleVector.fromArray(SPECIES, w, wOffset + j);
                s = a0.fma(DoubleVector.fromArray(SPECIES, c, c0 + j), s);
                s = a1.fma(DoubleVector.fromArray(SPECIES, c, c1 + j), s);
                s = a2.fma(DoubleVector.fromArray(SPECIES, c, c2 + j), s);
                s = a3.fma(DoubleVector.fromArray(SPECIES, c, c3 + j), s);
                s.intoArray(w, wOffset + j);
            }
        }
        for (; r < rows; r++) {
            int c0 = cOffset + r * ldc;
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, v[vOffset + r]);
            for (int j = 0; j < width; j += LANES) {
                DoubleVector s = DoubleVector.fromArray(SPECIES, w, wOffset + j);
                a0.fma(DoubleVector.fromArray(SPECIES, c, c0 + j), s).intoArray(w, wOffset + j);
            }
        }
    }

    @Override
    public void subtract(double[] v, int vOffset, int k, int rows, double[] c, int cOffset,
            int ldc, double[] w, int wOffset, int ldw, int width) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int vr = vOffset + r * k;
            for (int j = 0; j < width; j += 2 * LANES) {
                DoubleVector s00 = DoubleVector.zero(SPECIES);
                DoubleVector s01 = DoubleVector.zero(SPECIES);
                DoubleVector s10 = DoubleVector.zero(SPECIES);
                DoubleVector s11 = DoubleVector.zero(SPECIES);
                DoubleVector s20 = DoubleVector.zero(SPECIES);
                DoubleVector s21 = DoubleVector.zero(SPECIES);
                DoubleVector s30 = DoubleVector.zero(SPECIES);
                DoubleVector s31 = DoubleVector.zero(SPECIES);
                int vi = vr;
                int wi = wOffset + j;
                for (int p = 0; p < k; p++, vi++, wi += ldw) {
                    DoubleVector w0 = DoubleVector.fromArray(SPECIES, w, wi);
                    DoubleVector w1 = DoubleVector.fromArray(SPECIES, w, wi + LANES);
                    DoubleVector b = DoubleVector.broadcast(SPECIES, v[vi]);
                    s00 = b.fma(w0, s00);
                    s01 = b.fma(w1, s01);
                    b = DoubleVector.broadcast(SPECIES, v[vi + k]);
                    s10 = b.fma(w0, s10);
                    s11 = b.fma(w1, s11);
                    b = DoubleVector.broadcast(SPECIES, v[vi + 2 * k]);
                    s20 = b.fma(w0, s20);
                    s21 = b.fma(w1, s21);
                    b = DoubleVector.broadcast(SPECIES, v[vi + 3 * k]);
                    s30 = b.fma(w0, s30);
                    s31 = b.fma(w1, s31);
                }
                int c0 = cOffset + r * ldc + j;
                subtractInto(c, c0, s00, s01);
                subtractInto(c, c0 + ldc, s10, s11);
                subtractInto(c, c0 + 2 * ldc, s20, s21);
                subtractInto(c, c0 + 3 * ldc, s30, s31);
            }
        }
        for (; r < rows; r++) {
            for (int j = 0; j < width; j += 2 * LANES) {
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = DoubleVector.zero(SPECIES);
                int vi = vOffset + r * k;
                int wi = wOffset + j;
                for (int p = 0; p < k; p++, vi++, wi += ldw) {
                    DoubleVector b = DoubleVector.broadcast(SPECIES, v[vi]);
                    s0 = b.fma(DoubleVector.fromArray(SPECIES, w, wi), s0);
                    s1 = b.fma(DoubleVector.fromArray(SPECIES, w, wi + LANES), s1);
                }
                subtractInto(c, cOffset + r * ldc + j, s0, s1);
            }
        }
    }

    private static void subtractInto(double[] c, int index, DoubleVector s0, DoubleVector s1) {
        DoubleVector.fromArray(SPECIES, c, index).sub(s0).intoArray(c, index);
        DoubleVector.fromArray(SPECIES, c, index + LANES).sub(s1).intoArray(c, index + LANES);
    }
}
