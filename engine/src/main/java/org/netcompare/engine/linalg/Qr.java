package org.netcompare.engine.linalg;

import java.util.Arrays;

/**
 * Householder QR of an m x n matrix, {@code A = Q R} or, with column pivoting, {@code A P = Q R}:
 * Golub and Van Loan, 4th ed., sections 5.2.2 (Householder QR), 5.2.3 (block Householder QR,
 * compact WY form) and 5.4.2 (QR with column pivoting, with LAPACK {@code dgeqp3}'s safeguarded
 * norm downdating).
 *
 * <p>Without pivoting, columns are factored in panels of {@code blockSize}; each finished panel
 * reaches the trailing columns as one {@link BlockReflector}, so most of the work is matrix
 * products. With pivoting every step must see the updated column norms; {@link PivotedQrPanel}
 * still defers most of the update to once per panel, but each step reads the trailing matrix
 * once: as in LAPACK's {@code dgeqp3}, about half the work stays matrix-vector products.
 *
 * <p>With pivoting and at least twice as many rows as columns, A is first reduced by the blocked
 * unpivoted QR, {@code A = Q1 [R1; 0]}, and the pivoted QR runs on the n x n R1,
 * {@code R1 P = Q2 R}, so that {@code Q = Q1 diag(Q2, I)}: the preprocessing of Chan's R-SVD
 * (ACM TOMS 8(1), 1982). Q1 is orthogonal, so in exact arithmetic the column norms, pivots and
 * rank are those of A, while the pivoted steps, each of which reads the whole trailing matrix, no
 * longer sweep all m rows.
 *
 * <p>Q is kept as its reflectors, as LAPACK's {@code dgeqrf} leaves them (R on and above the
 * diagonal, reflector tails below it); {@link #applyQ} and {@link #applyQTranspose} use them
 * without forming Q. Workspaces are kept between calls of {@link #decompose}, so one instance
 * serves one thread at a time.
 */
public final class Qr {

    private static final int DEFAULT_BLOCK_SIZE = 32;
    private static final double EPS = Math.ulp(1.0);

    private final boolean pivoting;
    private final int blockSize;
    private int m;
    private int n;
    /** Rows of the matrix factored here: m, or n when A was first reduced to R1. */
    private int rows;
    /** The unpivoted QR that reduces tall matrices before pivoting (created when first needed). */
    private Qr reduction;
    private boolean reduced;
    /** Row-major rows x n: R on and above the diagonal, the tail of reflector j below (j, j). */
    private double[] factors = new double[0];
    private double[] tau = new double[0];
    private int[] pivots = new int[0];
    /** Downdated column norms ({@code vn1}) and the norms they were last recomputed at. */
    private double[] norms = new double[0];
    private double[] recomputedNorms = new double[0];
    /** The panel being factored, rows x blockSize row-major (unpivoted QR only). */
    private double[] panel = new double[0];
    private BlockReflector reflector = new BlockReflector(0, 0);
    private PivotedQrPanel pivotedPanel;
    private boolean decomposed;

    /** @param pivoting whether to pivot columns (needed for {@link #rank()}) */
    public Qr(boolean pivoting) {
        this(pivoting, DEFAULT_BLOCK_SIZE);
    }

    /** @param blockSize reflectors per panel (tests use small panels to cross block edges) */
    Qr(boolean pivoting, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        this.pivoting = pivoting;
        this.blockSize = blockSize;
    }

    /**
     * Factors {@code a} (m x n, any shape; not modified).
     *
     * @throws IllegalArgumentException if an entry is NaN or infinite
     */
    public Qr decompose(Matrix a) {
        decomposed = false;
        m = a.rows();
        n = a.cols();
        double[] data = a.data();
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("cannot factor a matrix with entry " + data[i]
                        + " at (" + i / n + ", " + i % n + ")");
            }
        }
        reduced = pivoting && m >= 2 * n;
        if (reduced) {
            if (reduction == null) {
                reduction = new Qr(false, blockSize);
            }
            rows = n;
            reserve();
            System.arraycopy(reduction.decompose(a).getR().data(), 0, factors, 0, n * n);
        } else {
            rows = m;
            reserve();
            System.arraycopy(data, 0, factors, 0, m * n);
        }
        for (int j = 0; j < n; j++) {
            pivots[j] = j;
        }
        // Reflectors do not depend on the scale; R is scaled back below.
        double scale = UnitScaling.scaleToUnit(factors, rows * n);
        if (pivoting) {
            factorPivoted();
        } else {
            factorBlocked();
        }
        for (int i = 0; i < Math.min(m, n); i++) {
            for (int j = i; j < n; j++) {
                factors[i * n + j] /= scale;
            }
        }
        decomposed = true;
        return this;
    }

    private void reserve() {
        int size = Math.multiplyExact(rows, n);
        if (factors.length < size) {
            factors = new double[size];
        }
        if (tau.length < Math.min(m, n)) {
            tau = new double[Math.min(m, n)];
        }
        if (pivots.length < n) {
            pivots = new int[n];
            norms = new double[n];
            recomputedNorms = new double[n];
        }
        int reflectors = Math.min(blockSize, Math.max(1, Math.min(m, n)));
        if (!pivoting && panel.length < (long) rows * reflectors) {
            panel = new double[Math.multiplyExact(rows, reflectors)];
        }
        if (!reflector.fits(rows, reflectors)) {
            reflector = new BlockReflector(rows, reflectors);
        }
        if (pivoting && (pivotedPanel == null || !pivotedPanel.fits(rows, n))) {
            pivotedPanel = new PivotedQrPanel(rows, n, blockSize);
        }
    }

    /**
     * GVL section 5.2.2 on panels, with the panel's block reflector applied to the rest. Each
     * panel is factored in a contiguous copy: its columns, strided in the row-major factors, would
     * cost a cache line (and, for long rows, a page) per entry on every reflector.
     */
    private void factorBlocked() {
        int steps = Math.min(m, n);
        for (int first = 0; first < steps; first += blockSize) {
            int count = Math.min(blockSize, steps - first);
            int height = rows - first;
            for (int i = 0; i < height; i++) {
                System.arraycopy(factors, (first + i) * n + first, panel, i * count, count);
            }
            for (int j = 0; j < count; j++) {
                tau[first + j] = Householder.generateUnlessNegligible(panel, j * count + j,
                        height - j, count, Householder.NEGLIGIBLE_AT_UNIT_SCALE);
                if (j + 1 < count) {
                    reflector.load(panel, j * count + j, count, height - j, 1, tau, first + j);
                    reflector.apply(true, panel, j * count + j + 1, count, count - j - 1);
                }
            }
            if (first + count < n) {
                reflector.load(panel, 0, count, height, count, tau, first);
                reflector.apply(true, factors, first * n + first + count, n, n - first - count);
            }
            for (int i = 0; i < height; i++) {
                System.arraycopy(panel, i * count, factors, (first + i) * n + first, count);
            }
        }
    }

    /**
     * GVL section 5.4.2 in panels ({@link PivotedQrPanel}): at step j the column of largest
     * remaining norm comes to position j, norms downdated as LAPACK's {@code dgeqp3} does.
     */
    private void factorPivoted() {
        for (int j = 0; j < n; j++) {
            norms[j] = Householder.norm(factors, j, rows, n);
            recomputedNorms[j] = norms[j];
        }
        int steps = Math.min(m, n);
        for (int start = 0; start < steps; ) {
            start += pivotedPanel.factor(factors, rows, n, start, pivots, tau, norms,
                    recomputedNorms);
        }
    }

    /** The upper triangular (or trapezoidal) min(m, n) x n factor R. */
    public Matrix getR() {
        return getR(null);
    }

    /** Fills {@code out} (min(m, n) x n, or null to allocate) with R and returns it. */
    public Matrix getR(Matrix out) {
        requireDecomposed();
        int k = Math.min(m, n);
        Matrix r = output(out, k, n, "R");
        double[] d = r.data();
        Arrays.fill(d, 0);
        for (int i = 0; i < k; i++) {
            System.arraycopy(factors, i * n + i, d, i * n + i, n - i);
        }
        return r;
    }

    /** Q with orthonormal columns: m x min(m, n) when {@code thin}, else the full m x m. */
    public Matrix getQ(boolean thin) {
        return getQ(null, thin);
    }

    /**
     * Fills {@code out} (or a new matrix when null) with Q, accumulated backwards from the
     * identity one block of reflectors at a time ({@code dorgqr}): block b only touches rows and
     * columns from its first reflector on, the rest still being the identity's.
     */
    public Matrix getQ(Matrix out, boolean thin) {
        requireDecomposed();
        int cols = thin ? Math.min(m, n) : m;
        Matrix q = output(out, m, cols, "Q");
        double[] d = q.data();
        Arrays.fill(d, 0);
        for (int i = 0; i < cols; i++) {
            d[i * cols + i] = 1;
        }
        applyReflectors(false, d, cols, true);
        if (reduced) {
            reduction.applyQ(q);
        }
        return q;
    }

    /** Overwrites {@code b} (m x p) with {@code Q b}, Q the full m x m factor. */
    public void applyQ(Matrix b) {
        requireRows(b);
        applyReflectors(false, b.data(), b.cols(), false);
        if (reduced) {
            reduction.applyQ(b);
        }
    }

    /** Overwrites {@code b} (m x p) with {@code Q^T b}. */
    public void applyQTranspose(Matrix b) {
        requireRows(b);
        if (reduced) {
            reduction.applyQTranspose(b);
        }
        applyReflectors(true, b.data(), b.cols(), false);
    }

    /**
     * Multiplies rows 0 .. rows - 1 of the row-major {@code d} (p columns) by this
     * factorisation's own reflectors: H_0 ... H_(k-1), blocks last to first, or its transpose,
     * blocks first to last. {@code fromIdentity} skips the columns left of each block, which are
     * still the identity's when Q is being formed.
     */
    private void applyReflectors(boolean transpose, double[] d, int p, boolean fromIdentity) {
        int steps = Math.min(m, n);
        int last = steps == 0 ? -1 : (steps - 1) / blockSize * blockSize;
        for (int i = 0; i <= last; i += blockSize) {
            int first = transpose ? i : last - i;
            int skipped = fromIdentity ? first : 0;
            if (skipped >= p) {
                continue;
            }
            int count = Math.min(blockSize, steps - first);
            reflector.load(factors, first * n + first, n, rows - first, count, tau, first);
            reflector.apply(transpose, d, first * p + skipped, p, p - skipped);
        }
    }

    /**
     * Column permutation: column j of {@code A P} is column {@code getPivots()[j]} of A (the
     * identity without pivoting).
     */
    public int[] getPivots() {
        requireDecomposed();
        return Arrays.copyOf(pivots, n);
    }

    /** Numerical rank at {@link #defaultTolerance()}. */
    public int rank() {
        return rank(defaultTolerance());
    }

    /**
     * Number of diagonal entries of R larger than {@code tolerance} in magnitude; with pivoting
     * they do not increase, so this is the size of the well-conditioned leading block R11.
     *
     * @throws IllegalStateException without pivoting, where the diagonal reveals no rank
     */
    public int rank(double tolerance) {
        requireDecomposed();
        if (!pivoting) {
            throw new IllegalStateException("rank needs a QR with column pivoting");
        }
        int k = Math.min(m, n);
        int rank = 0;
        while (rank < k && Math.abs(factors[rank * n + rank]) > tolerance) {
            rank++;
        }
        return rank;
    }

    /** {@code max(m, n) * eps * |r_11|}, the tolerance of LAPACK's and NumPy's rank decisions. */
    public double defaultTolerance() {
        requireDecomposed();
        return Math.min(m, n) == 0 ? 0 : Math.max(m, n) * EPS * Math.abs(factors[0]);
    }

    private void requireDecomposed() {
        if (!decomposed) {
            throw new IllegalStateException("call decompose first");
        }
    }

    private void requireRows(Matrix b) {
        requireDecomposed();
        if (b.rows() != m) {
            throw new IllegalArgumentException("Q is " + m + " x " + m + ", cannot apply it to a "
                    + b.rows() + " x " + b.cols() + " matrix");
        }
    }

    private static Matrix output(Matrix out, int rows, int cols, String name) {
        if (out == null) {
            return Matrix.zeros(rows, cols);
        }
        if (out.rows() != rows || out.cols() != cols) {
            throw new IllegalArgumentException(name + " is " + rows + " x " + cols + ", output is "
                    + out.rows() + " x " + out.cols());
        }
        return out;
    }
}
