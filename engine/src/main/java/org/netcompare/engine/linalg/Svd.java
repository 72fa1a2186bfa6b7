package org.netcompare.engine.linalg;

/**
 * Singular value decomposition {@code A = U diag(s) V^T} of a real m x n matrix: Golub-Kahan
 * bidiagonalisation (Golub and Van Loan, 4th ed., algorithm 5.4.2) and implicit shifted QR on
 * the bidiagonal (GVL algorithms 8.6.1 and 8.6.2), as EJML's
 * {@code SvdImplicitQrDecompose_DDRM}. A wide matrix is decomposed through its transpose; a
 * matrix with at least twice as many rows as columns is first reduced to its triangular QR
 * factor (Chan's R-bidiagonalisation, GVL section 8.6.3).
 *
 * <p>Configured once; {@link #decompose} may be called many times and keeps its workspaces
 * while the shape stays the same. Thin factors are m x min(m, n) and n x min(m, n); full ones
 * are square.
 */
public final class Svd {

    private static final double EPS = Math.ulp(1.0);

    private final boolean wantU;
    private final boolean wantV;
    private final boolean full;

    /** Rows per column above which a tall matrix is first reduced by QR (Chan 1982). */
    private static final int QR_FIRST_RATIO = 2;

    private final Qr qr = new Qr(false);
    private Matrix triangle;
    private HouseholderBidiagonal bidiagonal;
    private double[] work = new double[0];
    private double[] diagonal;
    private double[] superDiagonal;
    private double[] tauLeft;
    private double[] tauRight;
    private double[] leftTransposed;
    private double[] rightTransposed;
    private RotationSequence leftRotations;
    private RotationSequence rightRotations;

    private int m;
    private int n;
    private double[] singularValues;
    private Matrix u;
    private Matrix v;

    /**
     * @param wantU whether {@link #getU()} will be asked for
     * @param wantV whether {@link #getV()} will be asked for
     * @param full  square U (m x m) and V (n x n) instead of the thin ones
     */
    public Svd(boolean wantU, boolean wantV, boolean full) {
        this.wantU = wantU;
        this.wantV = wantV;
        this.full = full;
    }

    /**
     * Decomposes {@code a} (any shape, left unchanged).
     *
     * @throws IllegalArgumentException if an entry is NaN or infinite
     */
    public void decompose(Matrix a) {
        m = a.rows();
        n = a.cols();
        double largest = largestFinite(a);
        boolean transposed = m < n;
        int rows = Math.max(m, n);
        int cols = Math.min(m, n);
        boolean wantLeft = transposed ? wantV : wantU;
        boolean wantRight = transposed ? wantU : wantV;
        // Chan's R-bidiagonalisation (GVL section 8.6.3): for a tall matrix, QR first and
        // bidiagonalise the n x n R, 2 m n^2 + 8/3 n^3 flops instead of 4 m n^2 - 4/3 n^3.
        boolean viaQr = rows >= QR_FIRST_RATIO * cols && cols > 0;
        int reducedRows = viaQr ? cols : rows;
        int leftRows = viaQr || !full ? cols : rows;
        allocate(rows, reducedRows, cols, wantLeft ? leftRows : -1, wantRight);
        double scale = largest == 0 ? 1 : largest;
        copyScaled(transposed ? a.transpose() : a, scale);
        double[] reduced = viaQr ? triangularFactor(rows, cols) : work;

        bidiagonal.reduce(reduced, diagonal, superDiagonal, tauLeft, tauRight);
        if (wantLeft) {
            bidiagonal.formLeftTransposed(reduced, tauLeft, leftTransposed, leftRows);
        }
        if (wantRight) {
            bidiagonal.formRightTransposed(reduced, tauRight, rightTransposed);
        }
        new BidiagonalQr(diagonal, superDiagonal, cols, wantLeft ? leftRotations : null,
                wantRight ? rightRotations : null).diagonalise();
        if (wantLeft) {
            leftRotations.flush();
        }
        if (wantRight) {
            rightRotations.flush();
        }
        int[] order = makePositiveAndSort(cols, scale, wantRight);
        Matrix leftFactor = wantLeft
                ? columnsFromRows(leftTransposed, leftRows, reducedRows, order) : null;
        if (viaQr && wantLeft) {
            leftFactor = throughQ(leftFactor, rows, cols);
        }
        Matrix rightFactor = wantRight ? columnsFromRows(rightTransposed, cols, cols, order)
                : null;
        u = transposed ? rightFactor : leftFactor;
        v = transposed ? leftFactor : rightFactor;
    }

    /** The min(m, n) singular values, largest first. */
    public double[] singularValues() {
        checkDecomposed();
        return singularValues.clone();
    }

    /** Left singular vectors as columns: m x min(m, n), or m x m when full. */
    public Matrix getU() {
        return getU(null);
    }

    /** {@link #getU()} written into {@code out} (same shape), or a new matrix when null. */
    public Matrix getU(Matrix out) {
        checkDecomposed();
        if (!wantU) {
            throw new IllegalStateException("constructed with wantU = false");
        }
        return Outputs.copy(u, out, "U");
    }

    /** Right singular vectors as columns: n x min(m, n), or n x n when full. */
    public Matrix getV() {
        return getV(null);
    }

    /** {@link #getV()} written into {@code out} (same shape), or a new matrix when null. */
    public Matrix getV(Matrix out) {
        checkDecomposed();
        if (!wantV) {
            throw new IllegalStateException("constructed with wantV = false");
        }
        return Outputs.copy(v, out, "V");
    }

    /** Number of singular values above {@code tolerance} (absolute). */
    public int rank(double tolerance) {
        checkDecomposed();
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("rank tolerance must be >= 0, got " + tolerance);
        }
        int rank = 0;
        while (rank < singularValues.length && singularValues[rank] > tolerance) {
            rank++;
        }
        return rank;
    }

    /**
     * Numerical rank with LAPACK's and NumPy's default tolerance {@code max(m, n) eps s_max}:
     * singular values below it are indistinguishable from rounding in A.
     */
    public int rank() {
        return rank(defaultTolerance());
    }

    /** {@code max(m, n) eps s_max}, the tolerance of {@link #rank()}. */
    double defaultTolerance() {
        checkDecomposed();
        double largest = singularValues.length == 0 ? 0 : singularValues[0];
        return Math.max(m, n) * EPS * largest;
    }

    private static double largestFinite(Matrix a) {
        double largest = 0;
        for (double x : a.data()) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("matrix has a non-finite entry " + x);
            }
            largest = Math.max(largest, Math.abs(x));
        }
        return largest;
    }

    /**
     * @param rows        rows of the (transposed if wide) input
     * @param reducedRows rows of the matrix that is bidiagonalised: rows, or cols after a QR
     * @param leftRows    rows of the left factor of that matrix wanted, or -1 for none
     */
    private void allocate(int rows, int reducedRows, int cols, int leftRows,
            boolean wantRight) {
        if (work.length != rows * cols) {
            work = new double[rows * cols];
        }
        if (bidiagonal == null || !bidiagonal.fits(reducedRows, cols)) {
            bidiagonal = new HouseholderBidiagonal(reducedRows, cols);
            diagonal = new double[cols];
            superDiagonal = new double[Math.max(0, cols - 1)];
            tauLeft = new double[cols];
            tauRight = new double[Math.max(0, cols - 1)];
            leftTransposed = null;
            rightTransposed = null;
        }
        if (leftRows >= 0
                && (leftTransposed == null || leftTransposed.length != leftRows * reducedRows)) {
            leftTransposed = new double[leftRows * reducedRows];
            leftRotations = new RotationSequence(leftTransposed, reducedRows, capacity(cols));
        }
        if (wantRight && rightTransposed == null) {
            rightTransposed = new double[cols * cols];
            rightRotations = new RotationSequence(rightTransposed, cols, capacity(cols));
        }
    }

    /** Batches of rotations large enough that each strip of a factor stays in cache a while. */
    private static int capacity(int size) {
        return Math.max(1024, 32 * size);
    }

    /** QR of the scaled rows x cols input in {@code work}; returns R, cols x cols. */
    private double[] triangularFactor(int rows, int cols) {
        qr.decompose(Matrix.wrap(rows, cols, work));
        if (triangle == null || triangle.rows() != cols) {
            triangle = Matrix.zeros(cols, cols);
        }
        return qr.getR(triangle).data();
    }

    /**
     * The left factor of A from the one of R: {@code Q [U_R; 0]}, rows x cols, or with the
     * identity completing the lower right block, {@code Q [U_R 0; 0 I]}, rows x rows, when full.
     */
    private Matrix throughQ(Matrix leftOfR, int rows, int cols) {
        int width = full ? rows : cols;
        Matrix out = Matrix.zeros(rows, width);
        double[] o = out.data();
        double[] source = leftOfR.data();
        for (int i = 0; i < cols; i++) {
            System.arraycopy(source, i * cols, o, i * width, cols);
        }
        for (int i = cols; i < width; i++) {
            o[i * width + i] = 1;
        }
        qr.applyQ(out);
        return out;
    }

    /** Dividing by the largest entry keeps the squares in the shift away from overflow. */
    private void copyScaled(Matrix a, double scale) {
        double[] source = a.data();
        for (int i = 0; i < source.length; i++) {
            work[i] = source[i] / scale;
        }
    }

    /**
     * Flips negative values (and the matching rows of {@code V^T}) and orders the values
     * descending.
     *
     * @return order[j] = index of the j-th largest value
     */
    private int[] makePositiveAndSort(int cols, double scale, boolean wantRight) {
        for (int i = 0; i < cols; i++) {
            if (diagonal[i] < 0) {
                diagonal[i] = -diagonal[i];
                if (wantRight) {
                    for (int j = 0; j < cols; j++) {
                        rightTransposed[i * cols + j] = -rightTransposed[i * cols + j];
                    }
                }
            }
        }
        Integer[] boxed = new Integer[cols];
        for (int i = 0; i < cols; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (p, q) -> Double.compare(diagonal[q], diagonal[p]));
        int[] order = new int[cols];
        singularValues = new double[cols];
        for (int j = 0; j < cols; j++) {
            order[j] = boxed[j];
            singularValues[j] = diagonal[order[j]] * scale;
        }
        return order;
    }

    /**
     * The factor whose column j is row order[j] of the row-major {@code rowsStored x length}
     * transposed factor; rows beyond {@code order.length} (the rest of a full U) follow in place.
     */
    private static Matrix columnsFromRows(double[] transposed, int rowsStored, int length,
            int[] order) {
        Matrix out = Matrix.zeros(length, rowsStored);
        double[] o = out.data();
        for (int j = 0; j < rowsStored; j++) {
            int source = (j < order.length ? order[j] : j) * length;
            for (int i = 0; i < length; i++) {
                o[i * rowsStored + j] = transposed[source + i];
            }
        }
        return out;
    }

    private void checkDecomposed() {
        if (singularValues == null) {
            throw new IllegalStateException("decompose has not been called");
        }
    }
}
