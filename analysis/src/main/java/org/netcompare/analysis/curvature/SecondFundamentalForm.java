package org.netcompare.analysis.curvature;

/**
 * Components {@code h^alpha_kl} of the second fundamental form of a d-dimensional submanifold of
 * flat space at one point, in an orthonormal tangent basis (k, l = 0..d-1) and an orthonormal
 * normal basis (alpha = 0..codimension-1): the Hessians of the normal coordinates as functions of
 * the tangent coordinates (do Carmo, Riemannian Geometry, chapter 6, section 2). Immutable.
 */
public final class SecondFundamentalForm {

    private final int dimension;
    private final int codimension;
    private final double[] values;

    /**
     * @param dimension   d, at least 1
     * @param codimension number of normal directions, at least 0
     * @param values      codimension d x d symmetric matrices, row-major one after the other
     *                    ({@code values[(alpha * d + k) * d + l]}); copied
     */
    public SecondFundamentalForm(int dimension, int codimension, double[] values) {
        if (dimension < 1 || codimension < 0) {
            throw new IllegalArgumentException("second fundamental form needs dimension >= 1 and"
                    + " codimension >= 0, got " + dimension + " and " + codimension);
        }
        if (values.length != codimension * dimension * dimension) {
            throw new IllegalArgumentException("second fundamental form of dimension " + dimension
                    + " and codimension " + codimension + " needs "
                    + codimension * dimension * dimension + " values, got " + values.length);
        }
        for (int a = 0; a < codimension; a++) {
            for (int k = 0; k < dimension; k++) {
                for (int l = 0; l < k; l++) {
                    double kl = values[(a * dimension + k) * dimension + l];
                    double lk = values[(a * dimension + l) * dimension + k];
                    if (kl != lk) {
                        throw new IllegalArgumentException("normal direction " + a
                                + " is not symmetric at (" + k + ", " + l + "): " + kl + " vs "
                                + lk);
                    }
                }
            }
        }
        this.dimension = dimension;
        this.codimension = codimension;
        this.values = values.clone();
    }

    /** d, the number of tangent directions. */
    public int dimension() {
        return dimension;
    }

    /** The number of normal directions. */
    public int codimension() {
        return codimension;
    }

    /** {@code h^alpha_kl}. */
    public double get(int alpha, int k, int l) {
        return values[(alpha * dimension + k) * dimension + l];
    }
}
