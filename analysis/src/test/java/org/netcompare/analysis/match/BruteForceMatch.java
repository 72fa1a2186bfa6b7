package org.netcompare.analysis.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.netcompare.engine.linalg.Matrix;

/**
 * The maximum match as METHODS.md states it, on the original vectors: each neuron's distance to
 * the span comes from twice-iterated modified Gram-Schmidt over the kept columns, independent of
 * the QR code under test. Slow; fine for test sizes.
 */
final class BruteForceMatch {

    private BruteForceMatch() {
    }

    static BitSet[] maximum(Matrix x, Matrix y, double eps) {
        BitSet kx = nonZero(x);
        BitSet ky = nonZero(y);
        while (true) {
            BitSet nx = close(x, kx, y, ky, eps);
            BitSet ny = close(y, ky, x, nx, eps);
            if (nx.equals(kx) && ny.equals(ky)) {
                return new BitSet[] {kx, ky};
            }
            kx = nx;
            ky = ny;
        }
    }

    /** Whether every neuron of each side is within eps of the other side's span. */
    static boolean isMatch(Matrix x, BitSet kx, Matrix y, BitSet ky, double eps) {
        return close(x, kx, y, ky, eps).equals(kx) && close(y, ky, x, kx, eps).equals(ky);
    }

    static double relativeDistance(double[] v, List<double[]> basis) {
        double[] r = v.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                double dot = dot(q, r);
                for (int i = 0; i < r.length; i++) {
                    r[i] -= dot * q[i];
                }
            }
        }
        return Math.sqrt(dot(r, r) / dot(v, v));
    }

    private static BitSet close(Matrix targets, BitSet kept, Matrix basis, BitSet basisKept,
            double eps) {
        List<double[]> orthonormal = new ArrayList<>();
        basisKept.stream().forEach(j -> {
            double[] v = basis.column(j);
            double norm = Math.sqrt(dot(v, v));
            double[] r = v.clone();
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : orthonormal) {
                    double d = dot(q, r);
                    for (int i = 0; i < r.length; i++) {
                        r[i] -= d * q[i];
                    }
                }
            }
            double rn = Math.sqrt(dot(r, r));
            if (rn > 1e-10 * norm) {
                for (int i = 0; i < r.length; i++) {
                    r[i] /= rn;
                }
                orthonormal.add(r);
            }
        });
        BitSet out = new BitSet();
        kept.stream().forEach(j -> {
            if (relativeDistance(targets.column(j), orthonormal) <= eps) {
                out.set(j);
            }
        });
        return out;
    }

    private static BitSet nonZero(Matrix m) {
        BitSet set = new BitSet();
        for (int j = 0; j < m.cols(); j++) {
            double[] c = m.column(j);
            if (dot(c, c) > 0) {
                set.set(j);
            }
        }
        return set;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
