package org.netcompare.analysis.curvature;

import java.util.ArrayList;
import java.util.List;
import org.netcompare.engine.linalg.LeastSquares;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Svd;

/**
 * Second fundamental form at the base point of a patch, by local quadratic regression (Li,
 * "Curvature-aware Manifold Learning", 2017, as its public code implements it; METHODS.md
 * section 1).
 *
 * <p>With p the base point (row 0) and the other n - 1 rows its neighbours x_j: Z holds the
 * differences x_j - p, one per row; its thin SVD {@code Z = W S U^T} gives the ambient
 * directions U, the first d of them the tangent space and the rest the normal space;
 * {@code C = Z U} holds each neighbour's tangent coordinates u (first d columns) and normal
 * coordinates f^alpha (the rest). Each f^alpha is regressed on the design row
 * {@code [u_1..u_d, u_k^2 / 2 (k = 1..d), u_k u_l (k < l)]} without a constant (the surface
 * passes through p); the linear terms absorb the tilt between the sampled and the true tangent
 * plane. All normal directions share the one design matrix, so one factorisation solves them
 * all as columns of a single right-hand side. Then {@code h^alpha_kk} is the coefficient of
 * {@code u_k^2 / 2} and {@code h^alpha_kl = h^alpha_lk} that of {@code u_k u_l}.
 */
public final class HessianFit {

    private HessianFit() {
    }

    /**
     * @param form       the fitted second fundamental form
     * @param neighbours n - 1, the rows of the design matrix
     * @param unknowns   d + d(d+1)/2, the coefficients per normal direction
     * @param warnings   human-readable problems with the fit (empty when none)
     */
    public record Result(SecondFundamentalForm form, int neighbours, int unknowns,
                         List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Coefficients per normal direction of a d-dimensional fit: d linear, d(d+1)/2 quadratic. */
    public static int unknowns(int dimension) {
        return dimension + dimension * (dimension + 1) / 2;
    }

    /**
     * @param patch     n x D, row 0 the base point, finite, n at least 2
     * @param dimension d, the tangent dimension, in [1, min(n - 1, D)]
     * @return the fit; a warning (not an exception) when the n - 1 neighbours are fewer than
     *         the d + d(d+1)/2 unknowns, in which case the minimum-norm solution is returned
     */
    public static Result fit(Matrix patch, int dimension) {
        int n = patch.rows();
        int ambient = patch.cols();
        if (n < 2) {
            throw new IllegalArgumentException("Hessian fit needs the base point and at least one"
                    + " neighbour, got " + n + " rows");
        }
        int neighbours = n - 1;
        int span = Math.min(neighbours, ambient);
        if (dimension < 1 || dimension > span) {
            throw new IllegalArgumentException("tangent dimension must lie in [1, " + span
                    + "] for " + neighbours + " neighbours in R^" + ambient + ", got " + dimension);
        }
        int unknowns = unknowns(dimension);
        List<String> warnings = new ArrayList<>();
        if (neighbours < unknowns) {
            warnings.add("patch has " + neighbours + " neighbours of the base point but a "
                    + dimension + "-dimensional Hessian fit has " + unknowns + " unknowns (d + "
                    + "d(d+1)/2): the fit is underdetermined and the curvature unreliable");
        }
        Matrix coordinates = localCoordinates(differences(patch));
        int codimension = span - dimension;
        Matrix design = design(coordinates, dimension);
        Matrix normal = Matrix.zeros(neighbours, codimension);
        for (int j = 0; j < neighbours; j++) {
            System.arraycopy(coordinates.data(), j * span + dimension, normal.data(),
                    j * codimension, codimension);
        }
        double[] h = new double[codimension * dimension * dimension];
        if (codimension > 0) {
            Matrix coefficients = new LeastSquares().solve(design, normal);
            fillHessians(coefficients, dimension, codimension, h);
        }
        return new Result(new SecondFundamentalForm(dimension, codimension, h), neighbours,
                unknowns, warnings);
    }

    /** Z: the (n - 1) x D differences x_j - p. */
    private static Matrix differences(Matrix patch) {
        int n = patch.rows();
        int ambient = patch.cols();
        double[] x = patch.data();
        Matrix z = Matrix.zeros(n - 1, ambient);
        double[] out = z.data();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("patch entry (" + i / ambient + ", "
                        + i % ambient + ") is " + x[i]);
            }
        }
        for (int j = 1; j < n; j++) {
            for (int c = 0; c < ambient; c++) {
                out[(j - 1) * ambient + c] = x[j * ambient + c] - x[c];
            }
        }
        return z;
    }

    /** C = Z U: coordinates along the thin right singular vectors, (n - 1) x min(n - 1, D). */
    private static Matrix localCoordinates(Matrix z) {
        Svd svd = new Svd(false, true, false);
        svd.decompose(z);
        return z.times(svd.getV());
    }

    /** Rows {@code [u_1..u_d, u_k^2 / 2, u_k u_l (k < l)]}, (n - 1) x (d + d(d+1)/2). */
    private static Matrix design(Matrix coordinates, int d) {
        int rows = coordinates.rows();
        int span = coordinates.cols();
        int cols = unknowns(d);
        Matrix design = Matrix.zeros(rows, cols);
        double[] c = coordinates.data();
        double[] a = design.data();
        for (int j = 0; j < rows; j++) {
            int u = j * span;
            int row = j * cols;
            int col = d;
            for (int k = 0; k < d; k++) {
                a[row + k] = c[u + k];
                a[row + col++] = 0.5 * c[u + k] * c[u + k];
            }
            for (int k = 0; k < d; k++) {
                for (int l = k + 1; l < d; l++) {
                    a[row + col++] = c[u + k] * c[u + l];
                }
            }
        }
        return design;
    }

    /** Reads {@code h^alpha} out of the coefficient rows, in {@link #design}'s column order. */
    private static void fillHessians(Matrix coefficients, int d, int codimension, double[] h) {
        for (int a = 0; a < codimension; a++) {
            int base = a * d * d;
            int col = d;
            for (int k = 0; k < d; k++) {
                h[base + k * d + k] = coefficients.get(col++, a);
            }
            for (int k = 0; k < d; k++) {
                for (int l = k + 1; l < d; l++) {
                    double v = coefficients.get(col++, a);
                    h[base + k * d + l] = v;
                    h[base + l * d + k] = v;
                }
            }
        }
    }
}
