package org.netcompare.analysis.curvature;

import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Pca;

/**
 * Dimension of a local patch (Yu, Long and Hopcroft, "Curvature-based Comparison of Two Neural
 * Networks", 2018, section 3 and Table I; METHODS.md section 1): PCA of the patch, and the
 * smallest d whose leading covariance eigenvalues hold a given fraction of their sum.
 */
public final class PatchDimension {

    /** The paper's share of the eigenvalue sum. */
    public static final double DEFAULT_VARIANCE_FRACTION = 0.9;

    private PatchDimension() {
    }

    /** {@link #of(Matrix, double)} with {@link #DEFAULT_VARIANCE_FRACTION}. */
    public static int of(Matrix patch) {
        return of(patch, DEFAULT_VARIANCE_FRACTION);
    }

    /**
     * @param patch    n x D, one point (activation vector) per row, n at least 2, finite
     * @param fraction share of the eigenvalue sum to keep, in (0, 1]
     * @return the smallest d keeping that share; 0 when the patch has no variance
     */
    public static int of(Matrix patch, double fraction) {
        Pca pca = new Pca();
        pca.fit(patch);
        return pca.dimensionForVariance(fraction);
    }
}
