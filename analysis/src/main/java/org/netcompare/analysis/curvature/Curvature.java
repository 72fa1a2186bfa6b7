package org.netcompare.analysis.curvature;

import java.util.Arrays;

/**
 * Intrinsic curvature of a submanifold of flat space from its second fundamental form h, by the
 * Gauss equation (do Carmo, Riemannian Geometry, chapter 6, proposition 3.1; METHODS.md
 * section 1): in orthonormal tangent coordinates
 * {@code R_ijkl = <h_ik, h_jl> - <h_il, h_jk>} with {@code <u, v> = sum_alpha u^alpha v^alpha},
 * and the sectional curvature of the plane (e_i, e_j) is {@code K(e_i, e_j) = R_ijij =
 * <h_ii, h_jj> - |h_ij|^2}.
 *
 * <p>This index order is the one with the symmetries {@code R_ijkl = -R_jikl = -R_ijlk =
 * R_klij} that METHODS.md lists and that the distribution comparison relies on. (The formula as
 * printed in METHODS.md, {@code h_ik h_lj - h_ij h_lk}, gives the same sectional curvatures but is
 * not antisymmetric in i, j.)
 */
public final class Curvature {

    private Curvature() {
    }

    /**
     * One Riemann entry per symmetry class: with the pairs (i, j), i &lt; j, numbered in
     * lexicographic order, every {@code R_ijkl} with (i, j) &lt;= (k, l); d(d-1)/2 (d(d-1)/2 + 1)
     * / 2 values, sorted descending (empty for d = 1).
     */
    public static double[] riemann(SecondFundamentalForm h) {
        NormalGram g = new NormalGram(h);
        int d = h.dimension();
        int pairs = d * (d - 1) / 2;
        double[] out = new double[pairs * (pairs + 1) / 2];
        int n = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                for (int k = i; k < d; k++) {
                    for (int l = k == i ? j : k + 1; l < d; l++) {
                        out[n++] = g.get(i, k, j, l) - g.get(i, l, j, k);
                    }
                }
            }
        }
        return descending(out);
    }

    /** {@code K(e_i, e_j)} for every pair i &lt; j: d(d-1)/2 values, sorted descending. */
    public static double[] sectional(SecondFundamentalForm h) {
        NormalGram g = new NormalGram(h);
        int d = h.dimension();
        double[] out = new double[d * (d - 1) / 2];
        int n = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                out[n++] = g.get(i, i, j, j) - g.get(i, j, i, j);
            }
        }
        return descending(out);
    }

    private static double[] descending(double[] values) {
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    /**
     * All inner products {@code <h_ik, h_jl>} between the d(d+1)/2 distinct Hessian entries,
     * computed once (cost d^4 codim / 4) so each Riemann entry is two look-ups.
     */
    private static final class NormalGram {
        private final int d;
        private final int[] pairIndex;
        private final int count;
        private final double[] gram;

        NormalGram(SecondFundamentalForm h) {
            d = h.dimension();
            pairIndex = new int[d * d];
            int s = 0;
            for (int k = 0; k < d; k++) {
                for (int l = k; l < d; l++) {
                    pairIndex[k * d + l] = s;
                    pairIndex[l * d + k] = s;
                    s++;
                }
            }
            count = s;
            int codim = h.codimension();
            double[] entries = new double[codim * count];
            for (int a = 0; a < codim; a++) {
                for (int k = 0; k < d; k++) {
                    for (int l = k; l < d; l++) {
                        entries[a * count + pairIndex[k * d + l]] = h.get(a, k, l);
                    }
                }
            }
            gram = new double[count * count];
            for (int a = 0; a < codim; a++) {
                int row = a * count;
                for (int p = 0; p < count; p++) {
                    double ep = entries[row + p];
                    if (ep == 0) {
                        continue;
                    }
                    for (int q = p; q < count; q++) {
                        gram[p * count + q] += ep * entries[row + q];
                    }
                }
            }
            for (int p = 0; p < count; p++) {
                for (int q = 0; q < p; q++) {
                    gram[p * count + q] = gram[q * count + p];
                }
            }
        }

        /** {@code <h_ik, h_jl>}. */
        double get(int i, int k, int j, int l) {
            return gram[pairIndex[i * d + k] * count + pairIndex[j * d + l]];
        }
    }
}
