package org.netcompare.analysis.curvature;

import java.util.Random;
import java.util.function.Function;
import org.netcompare.engine.linalg.Matrix;

/** Seeded point samples of known surfaces around a base point, which is always row 0. */
final class Patches {

    private Patches() {
    }

    /**
     * The graph {@code u -> (u, f(u))} of a map from R^d: row 0 at u = 0, then n - 1 points with
     * u uniform in the cube [-spread, spread]^d.
     */
    static Matrix graph(int n, int d, double spread, long seed,
                        Function<double[], double[]> normals) {
        Random random = new Random(seed);
        int codim = normals.apply(new double[d]).length;
        Matrix out = Matrix.zeros(n, d + codim);
        for (int j = 0; j < n; j++) {
            double[] u = new double[d];
            for (int k = 0; k < d && j > 0; k++) {
                u[k] = spread * (2 * random.nextDouble() - 1);
            }
            double[] f = normals.apply(u);
            for (int k = 0; k < d; k++) {
                out.set(j, k, u[k]);
            }
            for (int a = 0; a < codim; a++) {
                out.set(j, d + a, f[a]);
            }
        }
        return out;
    }

    /** The cap of the d-sphere of radius r in R^(d+1) around its north pole, as a graph. */
    static Matrix sphere(int n, int d, double r, double spread, long seed) {
        return graph(n, d, spread, seed, u -> new double[] {r - Math.sqrt(r * r - squared(u))});
    }

    /** {@code points Q^T} for a seeded random D x k Q with orthonormal columns. */
    static Matrix rotateInto(Matrix points, int ambient, long seed) {
        int k = points.cols();
        Random random = new Random(seed);
        double[][] q = new double[k][ambient];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < ambient; i++) {
                q[c][i] = random.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int i = 0; i < ambient; i++) {
                    dot += q[c][i] * q[p][i];
                }
                for (int i = 0; i < ambient; i++) {
                    q[c][i] -= dot * q[p][i];
                }
            }
            double norm = Math.sqrt(squared(q[c]));
            for (int i = 0; i < ambient; i++) {
                q[c][i] /= norm;
            }
        }
        Matrix out = Matrix.zeros(points.rows(), ambient);
        for (int j = 0; j < points.rows(); j++) {
            for (int c = 0; c < k; c++) {
                double v = points.get(j, c);
                for (int i = 0; i < ambient; i++) {
                    out.data()[j * ambient + i] += v * q[c][i];
                }
            }
        }
        return out;
    }

    private static double squared(double[] u) {
        double s = 0;
        for (double v : u) {
            s += v * v;
        }
        return s;
    }
}
