package org.netcompare.analysis.similarity;

import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Pca;

/**
 * SVCCA (Raghu, Gilmer, Yosinski and Sohl-Dickstein, NeurIPS 2017, section 2): each side is
 * first reduced to its leading singular directions, then compared by mean {@link Cca}. The
 * reduction drops the low-variance directions that would otherwise let CCA match noise.
 */
public final class Svcca {

    /** Share of the variance the directions keep by default (the paper's 99%). */
    public static final double DEFAULT_VARIANCE = 0.99;

    private Svcca() {
    }

    /** How many directions each side keeps: a share of its variance, or a fixed count. */
    public record Directions(double variance, int count) {

        public Directions {
            if (count == 0 && !(variance > 0 && variance <= 1)) {
                throw new IllegalArgumentException("SVCCA variance share must lie in (0, 1], got "
                        + variance);
            }
            if (count < 0) {
                throw new IllegalArgumentException("SVCCA direction count must be positive, got "
                        + count);
            }
        }

        /** The smallest number of leading directions holding this share of the variance. */
        public static Directions ofVariance(double share) {
            return new Directions(share, 0);
        }

        /** Exactly this many leading directions (fewer when the data have lower rank). */
        public static Directions ofCount(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("SVCCA direction count must be positive, got "
                        + count);
            }
            return new Directions(Double.NaN, count);
        }
    }

    /**
     * Mean CCA of the reduced sides.
     *
     * @throws DegenerateCcaException when the kept directions of both sides exceed n - 1
     */
    public static double similarity(Matrix x, Matrix y, Directions keep) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("X has " + x.rows() + " samples but Y has "
                    + y.rows() + "; SVCCA compares representations of the same samples");
        }
        return Cca.of(reduce(x, keep, "X"), reduce(y, keep, "Y")).mean();
    }

    /**
     * The coordinates {@code [n, k]} of the samples along their k leading principal directions
     * (the right singular vectors of the centred data, scaled by the singular values).
     */
    static Matrix reduce(Matrix x, Directions keep, String name) {
        if (x.rows() < 2) {
            throw new IllegalArgumentException(name + " has " + x.rows()
                    + " samples, at least 2 needed");
        }
        Pca pca = new Pca(Pca.Route.AUTOMATIC, true);
        pca.fit(x);
        int rank = pca.dimensionForVariance(1);
        if (rank == 0) {
            throw new IllegalArgumentException(name + " has no variance: every sample is the same");
        }
        int k = keep.count() > 0 ? Math.min(keep.count(), rank)
                : pca.dimensionForVariance(keep.variance());
        Matrix all = pca.transform(x);
        Matrix kept = Matrix.zeros(x.rows(), k);
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(all.data(), i * all.cols(), kept.data(), i * k, k);
        }
        return kept;
    }
}
