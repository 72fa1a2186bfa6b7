package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Least-squares solutions checked against closed forms built without QR: normal equations
 * solved by Gaussian elimination on small, well-conditioned full-rank problems. The random
 * Gaussian factors used here have condition numbers below about 10, so 1e-12 relative leaves
 * ample room for rounding (about 1e-15 times the condition number squared of the normal
 * equations) while any algebraic mistake shows up at order 1.
 */
class LeastSquaresTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void consistentSystemIsSolvedExactly() {
        Random random = new Random(1);
        Matrix a = gaussian(20, 6, random);
        Matrix expected = gaussian(6, 3, random);
        LeastSquares solver = new LeastSquares();
        Matrix x = solver.solve(a, a.times(expected));
        assertClose(expected, x);
        assertEquals(6, solver.rank());
        for (double residual : solver.residualNorms()) {
            assertTrue(residual < TOLERANCE * a.frobeniusNorm() * expected.frobeniusNorm());
        }
    }

    @Test
    void inconsistentSystemSatisfiesTheNormalEquations() {
        Random random = new Random(2);
        Matrix a = gaussian(30, 5, random);
        Matrix b = gaussian(30, 4, random);
        Matrix x = new LeastSquares().solve(a, b);
        Matrix gradient = a.transpose().times(subtract(a.times(x), b));
        double scale = a.frobeniusNorm() * b.frobeniusNorm();
        for (double g : gradient.data()) {
            assertEquals(0, g / scale, TOLERANCE);
        }
        assertClose(solveSquare(a.transpose().times(a), a.transpose().times(b)), x);
    }

    /**
     * A = B C with B (m x r) and C (r x n) of full rank r: pinv(A) = C^T (C C^T)^-1 (B^T B)^-1 B^T,
     * and the minimum-norm solution lies in the row space of C (orthogonal to the null space).
     */
    @Test
    void rankDeficientSystemGetsThePseudoinverseSolution() {
        Random random = new Random(3);
        for (int[] shape : new int[][] {{12, 9, 3}, {7, 15, 4}, {20, 14, 10}, {6, 6, 1}}) {
            int m = shape[0];
            int n = shape[1];
            int r = shape[2];
            Matrix left = gaussian(m, r, random);
            Matrix right = gaussian(r, n, random);
            Matrix a = left.times(right);
            Matrix b = gaussian(m, 2, random);
            LeastSquares solver = new LeastSquares();
            Matrix x = solver.solve(a, b);
            assertEquals(r, solver.rank(), "rank of " + m + "x" + n);
            Matrix projected = solveSquare(left.transpose().times(left), left.transpose().times(b));
            Matrix pinvB = right.transpose().times(
                    solveSquare(right.times(right.transpose()), projected));
            assertClose(pinvB, x);
            // x = C^T y for some y: removing its projection on the row space of C leaves zero.
            Matrix rowSpacePart = right.transpose().times(
                    solveSquare(right.times(right.transpose()), right.times(x)));
            assertClose(x, rowSpacePart);
            // Residual norms reported from the factors equal ||A x - b|| computed directly.
            Matrix residual = subtract(a.times(x), b);
            double scale = a.frobeniusNorm() * x.frobeniusNorm() + b.frobeniusNorm();
            for (int j = 0; j < 2; j++) {
                assertEquals(Householder.norm(residual.column(j), 0, m, 1),
                        solver.residualNorms()[j], TOLERANCE * scale);
            }
        }
    }

    /**
     * A rank-2 4 x 3 system against NumPy: {@code numpy.linalg.lstsq(A, B, rcond=None)} returns
     * rank 2, x = [8/45, 13/90, 1/9; -1/90, 1/45, 1/18] (to 15 digits) and residual norms
     * sqrt(0.3), sqrt(0.8). Stacking the system twice (8 x 3, reduced by QR first) keeps x and
     * multiplies the residuals by sqrt(2).
     */
    @Test
    void rankDeficientSystemMatchesNumpy() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
        double[][] rhs = {{1, 0}, {2, 1}, {3, 0}, {5, 1}};
        double[] expected = {8 / 45.0, -1 / 90.0, 13 / 90.0, 1 / 45.0, 1 / 9.0, 1 / 18.0};
        LeastSquares solver = new LeastSquares();
        assertArrayEquals(expected, solver.solve(Matrix.of(rows), Matrix.of(rhs)).data(), 1e-14);
        assertEquals(2, solver.rank());
        assertArrayEquals(new double[] {Math.sqrt(0.3), Math.sqrt(0.8)}, solver.residualNorms(),
                1e-14);

        double[][] stackedRows = new double[8][];
        double[][] stackedRhs = new double[8][];
        for (int i = 0; i < 8; i++) {
            stackedRows[i] = rows[i % 4];
            stackedRhs[i] = rhs[i % 4];
        }
        Matrix x = solver.solve(Matrix.of(stackedRows), Matrix.of(stackedRhs));
        assertArrayEquals(expected, x.data(), 1e-14);
        assertEquals(2, solver.rank());
        assertArrayEquals(new double[] {Math.sqrt(0.6), Math.sqrt(1.6)}, solver.residualNorms(),
                1e-14);
    }

    /** Full row rank, m < n: the minimum-norm solution is A^T (A A^T)^-1 b and fits exactly. */
    @Test
    void underdeterminedSystemGetsTheMinimumNormSolution() {
        Random random = new Random(4);
        Matrix a = gaussian(4, 9, random);
        Matrix b = gaussian(4, 2, random);
        LeastSquares solver = new LeastSquares();
        Matrix x = solver.solve(a, b);
        assertClose(a.transpose().times(solveSquare(a.times(a.transpose()), b)), x);
        assertClose(b, a.times(x));
        assertEquals(4, solver.rank());
    }

    /**
     * Columns of B are solved independently; each residual norm is the norm of the part of b
     * orthogonal to range(A), planted as e = z - A (A^T A)^-1 A^T z.
     */
    @Test
    void manyRightHandSidesAreSolvedColumnByColumn() {
        Random random = new Random(5);
        Matrix a = gaussian(25, 7, random);
        int p = 40;
        Matrix z = gaussian(25, p, random);
        Matrix gram = a.transpose().times(a);
        Matrix e = subtract(z, a.times(solveSquare(gram, a.transpose().times(z))));
        Matrix coefficients = gaussian(7, p, random);
        Matrix b = a.times(coefficients);
        for (int i = 0; i < b.data().length; i++) {
            b.data()[i] += e.data()[i];
        }
        LeastSquares solver = new LeastSquares();
        Matrix x = solver.solve(a, b);
        assertClose(coefficients, x);
        double[] residuals = solver.residualNorms();
        assertEquals(p, residuals.length);
        for (int j = 0; j < p; j++) {
            double expected = Householder.norm(e.column(j), 0, 25, 1);
            assertEquals(expected, residuals[j], TOLERANCE * expected, "column " + j);
            Matrix single = new LeastSquares().solve(a, Matrix.wrap(25, 1, b.column(j)));
            assertArrayEquals(single.data(), x.column(j), TOLERANCE);
        }
    }

    /** y = w . t + c sampled without noise: the fit on [t, 1] returns w and c. */
    @Test
    void affineFitRecoversPlantedCoefficients() {
        Random random = new Random(6);
        double[] w = {2.5, -1, 0.25};
        double c = 4;
        int samples = 50;
        Matrix design = Matrix.zeros(samples, 4);
        Matrix y = Matrix.zeros(samples, 1);
        for (int i = 0; i < samples; i++) {
            double value = c;
            for (int d = 0; d < 3; d++) {
                double t = 10 * random.nextDouble();
                design.set(i, d, t);
                value += w[d] * t;
            }
            design.set(i, 3, 1);
            y.set(i, 0, value);
        }
        Matrix fit = new LeastSquares().solve(design, y);
        assertArrayEquals(new double[] {2.5, -1, 0.25, 4}, fit.data(), 1e-12);
    }

    /** diag(1, 1e-8): the default tolerance keeps both, relTol 1e-6 drops the second. */
    @Test
    void relativeToleranceDecidesTheRank() {
        Matrix a = Matrix.diagonal(1, 1e-8);
        Matrix b = Matrix.of(new double[][] {{3}, {1.5e-8}});
        LeastSquares full = new LeastSquares();
        assertArrayEquals(new double[] {3, 1.5}, full.solve(a, b).data(), 1e-12);
        assertEquals(2, full.rank());
        LeastSquares truncated = new LeastSquares(1e-6);
        assertArrayEquals(new double[] {3, 0}, truncated.solve(a, b).data(), 0);
        assertEquals(1, truncated.rank());
        assertEquals(1.5e-8, truncated.residualNorms()[0], 1e-20);
    }

    /**
     * A = c [1 1; 1 1; 1 1], b = c (1, 2, 3): pinv(A) b = (1, 1) and the residual is
     * c |(-1, 0, 1)| = c sqrt(2). At c = 1e-310 the data are subnormal with about 44 significant
     * bits, hence the looser 1e-12 there.
     */
    @Test
    void tinyRankOneSystemGetsThePseudoinverseSolution() {
        double[][] scalesAndTolerances = {{1e-300, 1e-14}, {1e-310, 1e-12}};
        for (double[] scaleAndTolerance : scalesAndTolerances) {
            double c = scaleAndTolerance[0];
            double tolerance = scaleAndTolerance[1];
            Matrix a = Matrix.of(new double[][] {{c, c}, {c, c}, {c, c}});
            Matrix b = Matrix.of(new double[][] {{c}, {2 * c}, {3 * c}});
            LeastSquares solver = new LeastSquares();
            assertArrayEquals(new double[] {1, 1}, solver.solve(a, b).data(), tolerance);
            assertEquals(1, solver.rank());
            assertEquals(Math.sqrt(2) * c, solver.residualNorms()[0], tolerance * c);
        }
    }

    @Test
    void zeroMatrixGivesZeroSolution() {
        Matrix b = Matrix.of(new double[][] {{3, 0}, {4, 1}, {0, 0}});
        LeastSquares solver = new LeastSquares();
        Matrix x = solver.solve(Matrix.zeros(3, 2), b);
        assertArrayEquals(new double[4], x.data(), 0);
        assertEquals(0, solver.rank());
        assertArrayEquals(new double[] {5, 1}, solver.residualNorms(), 1e-15);
    }

    @Test
    void emptySystemsHaveEmptyOrZeroSolutions() {
        LeastSquares solver = new LeastSquares();
        Matrix noUnknowns = solver.solve(Matrix.zeros(2, 0), Matrix.of(new double[][] {{3}, {4}}));
        assertEquals(0, noUnknowns.rows());
        assertArrayEquals(new double[] {5}, solver.residualNorms(), 1e-15);
        Matrix noEquations = solver.solve(Matrix.zeros(0, 3), Matrix.zeros(0, 2));
        assertArrayEquals(new double[6], noEquations.data(), 0);
        assertEquals(0, solver.rank());
    }

    @Test
    void badInputIsRejected() {
        LeastSquares solver = new LeastSquares();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(Matrix.zeros(10, 3), Matrix.zeros(9, 2)));
        assertTrue(e.getMessage().contains("10 x 3") && e.getMessage().contains("9 x 2"),
                e.getMessage());
        Matrix nan = Matrix.of(new double[][] {{Double.NaN}});
        assertThrows(IllegalArgumentException.class, () -> solver.solve(Matrix.identity(1), nan));
        assertThrows(IllegalArgumentException.class, () -> new LeastSquares(-1e-3));
        assertThrows(IllegalArgumentException.class, () -> new LeastSquares(Double.NaN));
        assertThrows(IllegalStateException.class, () -> new LeastSquares().rank());
    }

    private static Matrix gaussian(int rows, int cols, Random random) {
        return TestMatrices.random("gaussian", rows, cols, random).matrix();
    }

    private static Matrix subtract(Matrix a, Matrix b) {
        Matrix out = a.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] -= b.data()[i];
        }
        return out;
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        double difference = TestMatrices.relativeDifference(expected, actual);
        assertTrue(difference <= TOLERANCE, "relative difference " + difference);
    }

    /** S^-1 R by Gaussian elimination with partial pivoting (S square, small, well conditioned). */
    private static Matrix solveSquare(Matrix s, Matrix rhs) {
        int n = s.rows();
        int p = rhs.cols();
        Matrix a = s.copy();
        Matrix x = rhs.copy();
        for (int col = 0; col < n; col++) {
            int best = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a.get(i, col)) > Math.abs(a.get(best, col))) {
                    best = i;
                }
            }
            swapRows(a, col, best);
            swapRows(x, col, best);
            for (int i = col + 1; i < n; i++) {
                double factor = a.get(i, col) / a.get(col, col);
                for (int j = col; j < n; j++) {
                    a.set(i, j, a.get(i, j) - factor * a.get(col, j));
                }
                for (int j = 0; j < p; j++) {
                    x.set(i, j, x.get(i, j) - factor * x.get(col, j));
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int j = 0; j < p; j++) {
                double sum = x.get(i, j);
                for (int k = i + 1; k < n; k++) {
                    sum -= a.get(i, k) * x.get(k, j);
                }
                x.set(i, j, sum / a.get(i, i));
            }
        }
        return x;
    }

    private static void swapRows(Matrix a, int i, int j) {
        for (int col = 0; col < a.cols(); col++) {
            double held = a.get(i, col);
            a.set(i, col, a.get(j, col));
            a.set(j, col, held);
        }
    }
}
