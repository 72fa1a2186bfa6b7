package org.netcompare.analysis.match;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * One pruning step kept for reuse: the span of one layer's neurons (the basis) as the R of its
 * pivoted QR, and the other layer's neurons (the targets) as their coordinates {@code Q^T z} in
 * that basis plus their squared distance to it. Removing a basis neuron is then a column deletion
 * from R, re-triangularised by Givens rotations (Golub and Van Loan, 4th ed., section 6.5.2):
 * the rotations carry one coordinate of every target out of the span, which adds its square to
 * the target's distance; O(k (k + t)) work instead of a new QR over all the rows.
 *
 * <p>Only a basis of full numerical rank is kept ({@link #fullRank()}): removing a column then
 * leaves a basis of full rank, so no rank decision changes.
 */
final class SpanFactor {

    /** Neuron index of each column of R (pivot order), and of each target column. */
    private final int[] basis;
    private final int[] targets;
    /** k x k upper triangular R and k x t target coordinates, row-major; null when rank < k. */
    private final double[] r;
    private final double[] coordinates;
    /** Squared distance of each target to the span. */
    private final double[] residuals;

    SpanFactor(int[] basis, int[] targets, double[] r, double[] coordinates, double[] residuals) {
        this.basis = basis;
        this.targets = targets;
        this.r = r;
        this.coordinates = coordinates;
        this.residuals = residuals;
    }

    boolean fullRank() {
        return r != null;
    }

    /** The targets within {@code eps} of the span, relative to their norms (all neurons). */
    BitSet targetsWithin(double eps, double[] norms) {
        BitSet within = new BitSet();
        double eps2 = eps * eps;
        for (int j = 0; j < targets.length; j++) {
            double norm = norms[targets[j]];
            if (residuals[j] <= eps2 * norm * norm) {
                within.set(targets[j]);
            }
        }
        return within;
    }

    /** The same targets against the span of the basis less one neuron; needs full rank. */
    SpanFactor withoutBasis(int neuron) {
        if (!fullRank()) {
            throw new IllegalStateException("no downdate for a rank-deficient basis");
        }
        int k = basis.length;
        int t = targets.length;
        int gone = indexOf(basis, neuron);
        // R less column `gone`, k x (k - 1): upper Hessenberg from that column on.
        double[] h = new double[k * (k - 1)];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k - 1; j++) {
                h[i * (k - 1) + j] = r[i * k + (j < gone ? j : j + 1)];
            }
        }
        double[] w = coordinates.clone();
        for (int i = gone; i < k - 1; i++) {
            double a = h[i * (k - 1) + i];
            double b = h[(i + 1) * (k - 1) + i];
            double norm = Math.hypot(a, b);
            if (norm == 0) {
                continue;
            }
            double c = a / norm;
            double s = b / norm;
            rotate(h, i * (k - 1), (i + 1) * (k - 1), i, k - 1, c, s);
            rotate(w, i * t, (i + 1) * t, 0, t, c, s);
        }
        double[] residualsLeft = residuals.clone();
        for (int j = 0; j < t; j++) {
            double out = w[(k - 1) * t + j];
            residualsLeft[j] += out * out;
        }
        int[] basisLeft = new int[k - 1];
        for (int j = 0, at = 0; j < k; j++) {
            if (j != gone) {
                basisLeft[at++] = basis[j];
            }
        }
        double[] rLeft = new double[(k - 1) * (k - 1)];
        System.arraycopy(h, 0, rLeft, 0, rLeft.length);
        return new SpanFactor(basisLeft, targets, rLeft,
                Arrays.copyOf(w, (k - 1) * t), residualsLeft);
    }

    /** The same basis with only the targets in {@code kept}. */
    SpanFactor withTargets(BitSet kept) {
        int k = basis.length;
        int t = targets.length;
        int[] columns = IntStream.range(0, t).filter(j -> kept.get(targets[j]))
                .toArray();
        int[] targetsLeft = new int[columns.length];
        double[] residualsLeft = new double[columns.length];
        double[] w = r == null ? null : new double[k * columns.length];
        for (int c = 0; c < columns.length; c++) {
            targetsLeft[c] = targets[columns[c]];
            residualsLeft[c] = residuals[columns[c]];
            for (int i = 0; w != null && i < k; i++) {
                w[i * columns.length + c] = coordinates[i * t + columns[c]];
            }
        }
        return new SpanFactor(basis, targetsLeft, r, w, residualsLeft);
    }

    /** Rows p and q of a row-major array, columns [from, to): (p, q) <- (c p + s q, c q - s p). */
    private static void rotate(double[] a, int p, int q, int from, int to, double c, double s) {
        for (int j = from; j < to; j++) {
            double x = a[p + j];
            double y = a[q + j];
            a[p + j] = c * x + s * y;
            a[q + j] = c * y - s * x;
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("neuron " + value + " is not in the basis");
    }
}
