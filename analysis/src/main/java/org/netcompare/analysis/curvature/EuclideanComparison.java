package org.netcompare.analysis.curvature;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Pca;

/**
 * The Euclidean comparison of two local patches of the same points (Yu, Long and Hopcroft 2018,
 * section 4, Table II; METHODS.md section 1): rows correspond (the same images through networks
 * A and B, or at two layers). Reported: mean activation norm of each patch, before and after the
 * zero-mean normalisation N(.) (subtracting the patch's column means); the mean
 * {@code |d_ij^A - d_ij^B|} over all pairs i &lt; j of the two patches' Euclidean distance
 * matrices (unchanged by N); the mean distance {@code ||a_i - b_i||} of the same image across
 * the two patches, before and after N, when both have the same width; the ranks of the
 * normalised patches; and the affine least-squares map from A to B with its RMSE
 * ({@link AffineFit}) on the full patches and on the PCA-reduced ones, each patch projected on
 * its own leading d principal directions (d the larger of the two {@link PatchDimension}s
 * unless given).
 */
public final class EuclideanComparison {

    /** Rows per block of the Gram matrices behind the distance differences. */
    private static final int BLOCK = 256;

    private final double meanNormA;
    private final double meanNormB;
    private final double meanNormalisedNormA;
    private final double meanNormalisedNormB;
    private final double meanDistanceDifference;
    private final OptionalDouble meanSameImageDistance;
    private final OptionalDouble meanNormalisedSameImageDistance;
    private final int rankA;
    private final int rankB;
    private final int reducedDimension;
    private final AffineFit fullFit;
    private final AffineFit reducedFit;

    private EuclideanComparison(Matrix a, Matrix b, Matrix normalisedA, Matrix normalisedB,
            Pca pcaA, Pca pcaB, int reducedDimension) {
        meanNormA = meanRowNorm(a);
        meanNormB = meanRowNorm(b);
        meanNormalisedNormA = meanRowNorm(normalisedA);
        meanNormalisedNormB = meanRowNorm(normalisedB);
        meanDistanceDifference = meanDistanceDifference(a, b);
        boolean sameWidth = a.cols() == b.cols();
        meanSameImageDistance = sameWidth ? OptionalDouble.of(meanRowDistance(a, b))
                : OptionalDouble.empty();
        meanNormalisedSameImageDistance = sameWidth
                ? OptionalDouble.of(meanRowDistance(normalisedA, normalisedB))
                : OptionalDouble.empty();
        rankA = pcaA.dimensionForVariance(1);
        rankB = pcaB.dimensionForVariance(1);
        this.reducedDimension = reducedDimension;
        fullFit = AffineFit.of(a, b);
        reducedFit = AffineFit.of(reduce(pcaA, a, reducedDimension),
                reduce(pcaB, b, reducedDimension));
    }

    /**
     * {@link #of(Matrix, Matrix, int)} with d the larger of the two patches' dimensions at
     * {@link PatchDimension#DEFAULT_VARIANCE_FRACTION} (the paper's "max dimension").
     */
    public static EuclideanComparison of(Matrix a, Matrix b) {
        requireCorresponding(a, b);
        Pca pcaA = principalComponents(a);
        Pca pcaB = principalComponents(b);
        int d = Math.max(pcaA.dimensionForVariance(PatchDimension.DEFAULT_VARIANCE_FRACTION),
                pcaB.dimensionForVariance(PatchDimension.DEFAULT_VARIANCE_FRACTION));
        return new EuclideanComparison(a, b, centred(a), centred(b), pcaA, pcaB, Math.max(d, 1));
    }

    /**
     * @param a                n x D_A, one point per row, n at least 2, finite
     * @param b                n x D_B, row i the same image as row i of a
     * @param reducedDimension d for the PCA-reduced fit, at least 1; a patch of lower rank
     *                         keeps all its rank's directions
     * @throws IllegalArgumentException if the row counts differ, n &lt; 2, d &lt; 1, or an entry
     *                                  is not finite
     */
    public static EuclideanComparison of(Matrix a, Matrix b, int reducedDimension) {
        return of(a, b, principalComponents(a), principalComponents(b), reducedDimension);
    }

    /**
     * As {@link #of(Matrix, Matrix, int)}, with the patches' PCAs already fitted, so a caller
     * that also needs their dimensions decomposes each patch once.
     *
     * @param pcaA {@link #principalComponents} of a
     * @param pcaB {@link #principalComponents} of b
     */
    public static EuclideanComparison of(Matrix a, Matrix b, Pca pcaA, Pca pcaB,
            int reducedDimension) {
        requireCorresponding(a, b);
        if (reducedDimension < 1) {
            throw new IllegalArgumentException("reduced dimension must be at least 1, got "
                    + reducedDimension);
        }
        return new EuclideanComparison(a, b, centred(a), centred(b), pcaA, pcaB,
                reducedDimension);
    }

    public double meanNormA() {
        return meanNormA;
    }

    public double meanNormB() {
        return meanNormB;
    }

    /** Mean row norm of N(A), the patch less its column means. */
    public double meanNormalisedNormA() {
        return meanNormalisedNormA;
    }

    public double meanNormalisedNormB() {
        return meanNormalisedNormB;
    }

    /** Mean of {@code |d_ij^A - d_ij^B|} over the n (n - 1) / 2 pairs i &lt; j. */
    public double meanDistanceDifference() {
        return meanDistanceDifference;
    }

    /** Mean {@code ||a_i - b_i||}; empty when the patches have different widths. */
    public OptionalDouble meanSameImageDistance() {
        return meanSameImageDistance;
    }

    /** Mean {@code ||N(a)_i - N(b)_i||}; empty when the patches have different widths. */
    public OptionalDouble meanNormalisedSameImageDistance() {
        return meanNormalisedSameImageDistance;
    }

    /** Numerical rank of N(A) (the PCA's count of non-zero variances). */
    public int rankA() {
        return rankA;
    }

    public int rankB() {
        return rankB;
    }

    /** The d of the reduced fit as asked; a patch of lower rank used fewer directions. */
    public int reducedDimension() {
        return reducedDimension;
    }

    /** Affine map from A to B on the full patches. */
    public AffineFit fullFit() {
        return fullFit;
    }

    /** Affine map between the PCA coordinates (first d directions) of A and of B. */
    public AffineFit reducedFit() {
        return reducedFit;
    }

    private static void requireCorresponding(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("patches must hold the same points in the same"
                    + " order, got " + a.rows() + " and " + b.rows() + " rows");
        }
        if (a.rows() < 2 || a.cols() < 1 || b.cols() < 1) {
            throw new IllegalArgumentException("euclidean comparison needs at least 2 points and"
                    + " 1 feature, got " + a.rows() + " x " + a.cols() + " and " + b.rows()
                    + " x " + b.cols());
        }
    }

    /** The PCA this comparison needs of a patch: fitted, with its components. */
    public static Pca principalComponents(Matrix patch) {
        Pca pca = new Pca(Pca.Route.AUTOMATIC, true);
        pca.fit(patch);
        return pca;
    }

    /** The first min(d, rank) principal coordinates of the patch, n x that many. */
    private static Matrix reduce(Pca pca, Matrix patch, int d) {
        Matrix all = pca.transform(patch);
        int r = all.cols();
        int kept = Math.min(d, r);
        Matrix out = Matrix.zeros(patch.rows(), kept);
        for (int i = 0; i < patch.rows(); i++) {
            System.arraycopy(all.data(), i * r, out.data(), i * kept, kept);
        }
        return out;
    }

    private static Matrix centred(Matrix patch) {
        int n = patch.rows();
        int d = patch.cols();
        double[] mean = new double[d];
        double[] x = patch.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = x[i * d + j] - mean[j] / n;
            }
        }
        return Matrix.wrap(n, d, out);
    }

    private static double meanRowNorm(Matrix m) {
        int d = m.cols();
        double[] x = m.data();
        double total = 0;
        for (int i = 0; i < m.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += x[i * d + j] * x[i * d + j];
            }
            total += Math.sqrt(sum);
        }
        return total / m.rows();
    }

    private static double meanRowDistance(Matrix a, Matrix b) {
        int d = a.cols();
        double[] x = a.data();
        double[] y = b.data();
        double total = 0;
        for (int i = 0; i < a.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - y[i * d + j];
                sum += diff * diff;
            }
            total += Math.sqrt(sum);
        }
        return total / a.rows();
    }

    /**
     * Distances from blocks of the Gram matrices {@code |u - v|^2 = |u|^2 + |v|^2 - 2 u.v}, the
     * rows first taken relative to row 0 so that the norms are of the patch's size (as in
     * {@code PairwiseDistances}); memory: one block of each Gram matrix at a time.
     */
    private static double meanDistanceDifference(Matrix a, Matrix b) {
        int n = a.rows();
        Matrix relA = relativeToFirst(a);
        Matrix relB = relativeToFirst(b);
        double[] normsA = squaredRowNorms(relA);
        double[] normsB = squaredRowNorms(relB);
        Matrix transposedA = relA.transpose();
        Matrix transposedB = relB.transpose();
        double total = 0;
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            double[] ga = rows(relA, from, to).times(transposedA).data();
            double[] gb = rows(relB, from, to).times(transposedB).data();
            for (int i = from; i < to; i++) {
                for (int j = i + 1; j < n; j++) {
                    int k = (i - from) * n + j;
                    double da = Math.sqrt(Math.max(0, normsA[i] + normsA[j] - 2 * ga[k]));
                    double db = Math.sqrt(Math.max(0, normsB[i] + normsB[j] - 2 * gb[k]));
                    total += Math.abs(da - db);
                }
            }
        }
        return total / ((double) n * (n - 1) / 2);
    }

    private static Matrix relativeToFirst(Matrix m) {
        int d = m.cols();
        double[] out = m.data().clone();
        for (int i = m.rows() - 1; i >= 0; i--) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] -= out[j];
            }
        }
        return Matrix.wrap(m.rows(), d, out);
    }

    private static double[] squaredRowNorms(Matrix m) {
        int d = m.cols();
        double[] x = m.data();
        double[] norms = new double[m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < d; j++) {
                norms[i] += x[i * d + j] * x[i * d + j];
            }
        }
        return norms;
    }

    private static Matrix rows(Matrix m, int from, int to) {
        int d = m.cols();
        return Matrix.wrap(to - from, d, Arrays.copyOfRange(m.data(), from * d, to * d));
    }
}
