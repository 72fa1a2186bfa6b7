package org.netcompare.analysis.curvature;

import org.netcompare.engine.linalg.LeastSquares;
import org.netcompare.engine.linalg.Matrix;

/**
 * The affine least-squares map from one patch to another with rows in correspondence (Yu, Long
 * and Hopcroft 2018, section 4, Table II; METHODS.md section 1): T (D_A x D_B) and b (D_B)
 * minimising {@code L = sqrt(1/n sum_i ||a_i T + b - b_i||^2)} over the n rows a_i of A and b_i
 * of B, solved as one minimum-norm least-squares problem {@code [A, 1] [T; b] = B} with one
 * right-hand side per column of B. The paper fits the zero-mean normalised patches N(A), N(B);
 * an intercept absorbs any translation, so T and L are the same either way and only b differs
 * ({@code b_raw = b_N + mean(B) - mean(A) T}); the fit here is on the patches as given.
 */
public final class AffineFit {

    private final Matrix map;
    private final double[] offset;
    private final double rmse;
    private final int rank;

    private AffineFit(Matrix map, double[] offset, double rmse, int rank) {
        this.map = map;
        this.offset = offset;
        this.rmse = rmse;
        this.rank = rank;
    }

    /**
     * @param a n x D_A, n at least 1, finite
     * @param b n x D_B, the same points' rows in the same order, finite
     * @throws IllegalArgumentException if the row counts differ or an entry is not finite
     */
    public static AffineFit of(Matrix a, Matrix b) {
        int n = a.rows();
        if (b.rows() != n || n == 0) {
            throw new IllegalArgumentException("an affine map between patches needs the same"
                    + " non-zero number of points in both, got " + n + " and " + b.rows());
        }
        int da = a.cols();
        Matrix design = Matrix.zeros(n, da + 1);
        double[] x = a.data();
        double[] d = design.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < da; j++) {
                double v = x[i * da + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("patch A has entry " + v + " at (" + i
                            + ", " + j + ")");
                }
                d[i * (da + 1) + j] = v;
            }
            d[i * (da + 1) + da] = 1;
        }
        LeastSquares solver = new LeastSquares();
        Matrix solution = solver.solve(design, b);
        int db = b.cols();
        Matrix map = Matrix.zeros(da, db);
        System.arraycopy(solution.data(), 0, map.data(), 0, da * db);
        double[] offset = new double[db];
        System.arraycopy(solution.data(), da * db, offset, 0, db);
        double squares = 0;
        for (double r : solver.residualNorms()) {
            squares += r * r;
        }
        return new AffineFit(map, offset, Math.sqrt(squares / n), solver.rank());
    }

    /** T, D_A x D_B (minimum norm together with b when A's columns are dependent). */
    public Matrix map() {
        return map.copy();
    }

    /** b, length D_B. */
    public double[] offset() {
        return offset.clone();
    }

    /** The root mean squared residual L, in activation units. */
    public double rmse() {
        return rmse;
    }

    /** Numerical rank of the design [A, 1]. */
    public int designRank() {
        return rank;
    }
}
