package org.netcompare.analysis.match;

import java.util.BitSet;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.linalg.Qr;

/**
 * One pruning step of the maximum match: which neurons of one layer lie within eps (relative)
 * of the span of a set of the other layer's neurons. One orthonormal basis of that span per step,
 * from a QR with column pivoting (Golub and Van Loan, 4th ed., section 5.4.2) whose numerical
 * rank drops directions below rounding level; {@code Q^T} applied to the candidates then leaves
 * each one's residual in its trailing rows, a sum of squares with no cancellation.
 *
 * <p>Float64 throughout: a neuron that lies in the span has a computed residual of about
 * {@code u * cond(basis) * |x|}; activation vectors are often strongly correlated (condition
 * numbers of 10^3 to 10^5), which in float32 ({@code u = 6e-8}) would put in-span neurons at
 * residuals of 10^-4 to 10^-2 and near the eps boundary, and the rank decision would misjudge
 * directions. In float64 both stay at least eight orders of magnitude below any useful eps.
 *
 * <p>Keeps a QR workspace, so one instance serves one thread at a time.
 */
final class SpanDistances {

    private static final double UNIT_ROUNDOFF = Math.ulp(1.0);

    private final Qr qr = new Qr(true);
    private final int observations;

    /** @param observations length of the original vectors, which scales the rank tolerance */
    SpanDistances(int observations) {
        this.observations = observations;
    }

    /**
     * Removes from {@code kept} every neuron of {@code targets} whose distance to the span of
     * {@code basis}'s neurons in {@code basisKept} exceeds {@code eps} times its norm.
     *
     * @return whether any neuron was removed
     */
    boolean prune(JointCoordinates.Layer basis, BitSet basisKept, JointCoordinates.Layer targets,
            BitSet kept, double eps) {
        if (kept.isEmpty()) {
            return false;
        }
        BitSet within = factor(basis, basisKept, targets, kept, false)
                .targetsWithin(eps, targets.norms());
        boolean removed = !within.equals(kept);
        kept.and(within);
        return removed;
    }

    /**
     * The distances of the {@code kept} targets to the span of the basis neurons in
     * {@code basisKept}, with R and the targets' coordinates when {@code forDowndates} and the
     * basis has full numerical rank.
     */
    SpanFactor factor(JointCoordinates.Layer basis, BitSet basisKept,
            JointCoordinates.Layer targets, BitSet kept, boolean forDowndates) {
        int rows = basis.coords().rows();
        int[] basisColumns = basisKept.stream().toArray();
        int[] targetColumns = kept.stream().toArray();
        int count = targetColumns.length;
        if (basisColumns.length == 0) {
            return new SpanFactor(basisColumns, targetColumns, null, null,
                    squaredRowsFrom(targets.coords(), targetColumns, 0));
        }
        double[] residuals = squaredRowsFrom(targets.coords(), targetColumns, rows);
        Matrix b = gather(basis.coords(), basisColumns, rows);
        Matrix t = gather(targets.coords(), targetColumns, rows);

        qr.decompose(b);
        double largest = 0;
        for (int j : basisColumns) {
            largest = Math.max(largest, basis.norms()[j]);
        }
        // NumPy's matrix_rank rule for the basis vectors as given: max(m, n) * u * |r_11|, with
        // the length of the original vectors for m and |r_11| the largest basis norm (pivoting
        // puts that column first).
        int rank = qr.rank(Math.max(observations, basisColumns.length) * UNIT_ROUNDOFF * largest);
        qr.applyQTranspose(t);
        double[] q = t.data();
        for (int i = rank; i < rows; i++) {
            for (int j = 0; j < count; j++) {
                residuals[j] += q[i * count + j] * q[i * count + j];
            }
        }
        int k = basisColumns.length;
        if (!forDowndates || rank < k) {
            return new SpanFactor(basisColumns, targetColumns, null, null, residuals);
        }
        int[] pivots = qr.getPivots();
        int[] order = new int[k];
        for (int j = 0; j < k; j++) {
            order[j] = basisColumns[pivots[j]];
        }
        double[] r = new double[k * k];
        System.arraycopy(qr.getR().data(), 0, r, 0, k * k);
        double[] coordinates = new double[k * count];
        System.arraycopy(q, 0, coordinates, 0, k * count);
        return new SpanFactor(order, targetColumns, r, coordinates, residuals);
    }

    /** The chosen columns' first {@code rows} rows, zero below the source's last row. */
    private static Matrix gather(Matrix source, int[] columns, int rows) {
        Matrix out = Matrix.zeros(rows, columns.length);
        double[] in = source.data();
        double[] d = out.data();
        int n = source.cols();
        int count = columns.length;
        for (int i = 0; i < Math.min(rows, source.rows()); i++) {
            for (int j = 0; j < count; j++) {
                d[i * count + j] = in[i * n + columns[j]];
            }
        }
        return out;
    }

    /** Squared norm of each chosen column's part from row {@code first} on: outside the basis. */
    private static double[] squaredRowsFrom(Matrix source, int[] columns, int first) {
        double[] sums = new double[columns.length];
        double[] in = source.data();
        int n = source.cols();
        for (int i = first; i < source.rows(); i++) {
            for (int j = 0; j < columns.length; j++) {
                double v = in[i * n + columns[j]];
                sums[j] += v * v;
            }
        }
        return sums;
    }
}
