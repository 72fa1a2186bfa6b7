package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class QrTest {

    private static final double EPS = Math.ulp(1.0);

    /**
     * Every standard case, pivoting on and off, with the default panel and with panels of 3 so
     * that small matrices also cross panel edges; plus sizes that span several default panels.
     */
    static Stream<Arguments> cases() {
        List<TestMatrices.Case> matrices = new ArrayList<>(TestMatrices.standardCases());
        Random random = new Random(5);
        matrices.add(TestMatrices.random("tall 150x70", 150, 70, random));
        matrices.add(TestMatrices.random("wide 70x150", 70, 150, random));
        matrices.add(TestMatrices.random("square 97x97", 97, 97, random));
        // Tall enough (m >= 2n) for the pivoted QR to reduce A first, with a planted rank.
        matrices.add(TestMatrices.withSingularValues("rank 4 of 60x10", 60, 10,
                new double[] {4, 3, 2, 1, 0, 0, 0, 0, 0, 0}, random));
        // Large enough for the parallel paths of the block and pivoted panel updates.
        double[] planted = new double[300];
        for (int i = 0; i < 250; i++) {
            planted[i] = Math.pow(1e-6, i / 249.0);
        }
        matrices.add(TestMatrices.withSingularValues("rank 250 of 400x300", 400, 300, planted,
                random));
        List<Arguments> out = new ArrayList<>();
        for (TestMatrices.Case c : matrices) {
            for (boolean pivoting : new boolean[] {false, true}) {
                for (int block : new int[] {32, 3}) {
                    out.add(Arguments.of(c, pivoting, block));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> pivotedCases() {
        return cases().filter(arguments -> (Boolean) arguments.get()[1]);
    }

    /**
     * Householder QR is backward stable: ||A P - Q R|| and ||Q^T Q - I|| are a small multiple of
     * eps times the dimension (Golub and Van Loan, 4th ed., section 5.2.4); we allow
     * max(m, n) * eps, measured entry-wise against ||A||_F.
     */
    @ParameterizedTest(name = "{0}, pivoting {1}, block {2}")
    @MethodSource("cases")
    void factorsReproduceTheMatrixAndQIsOrthogonal(TestMatrices.Case c, boolean pivoting,
            int block) {
        Matrix a = c.matrix();
        int m = a.rows();
        int n = a.cols();
        double tolerance = Math.max(1, Math.max(m, n)) * EPS;
        Qr qr = new Qr(pivoting, block).decompose(a);
        Matrix q = qr.getQ(true);
        Matrix r = qr.getR();
        Matrix ap = permuteColumns(a, qr.getPivots());
        assertEquals(Math.min(m, n), q.cols());
        assertTrue(TestMatrices.relativeDifference(ap, q.times(r)) <= tolerance,
                () -> "A P - Q R: " + TestMatrices.relativeDifference(ap, q.times(r)));
        assertTrue(TestMatrices.orthogonalityError(q) <= tolerance,
                () -> "thin Q^T Q - I: " + TestMatrices.orthogonalityError(q));
        Matrix full = qr.getQ(false);
        assertTrue(TestMatrices.orthogonalityError(full) <= tolerance,
                () -> "full Q^T Q - I: " + TestMatrices.orthogonalityError(full));
        // Q^T A P from the full Q must vanish below the diagonal: R really is triangular.
        Matrix qtap = full.transpose().times(ap);
        double scale = Math.max(a.frobeniusNorm(), Double.MIN_NORMAL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < Math.min(i, n); j++) {
                assertEquals(0, qtap.get(i, j) / scale, tolerance,
                        "(Q^T A P)(" + i + ", " + j + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}, pivoting {1}, block {2}")
    @MethodSource("cases")
    void applyingQEqualsMultiplyingByTheFormedQ(TestMatrices.Case c, boolean pivoting, int block) {
        Matrix a = c.matrix();
        Qr qr = new Qr(pivoting, block).decompose(a);
        Matrix full = qr.getQ(false);
        Random random = new Random(11);
        Matrix b = TestMatrices.random("b", a.rows(), 3, random).matrix();
        double tolerance = Math.max(1, a.rows()) * EPS;
        Matrix qb = b.copy();
        qr.applyQ(qb);
        assertTrue(TestMatrices.relativeDifference(full.times(b), qb) <= tolerance);
        Matrix qtb = b.copy();
        qr.applyQTranspose(qtb);
        assertTrue(TestMatrices.relativeDifference(full.transpose().times(b), qtb) <= tolerance);
    }

    /**
     * With pivoting |r_jj| cannot grow: r_(j+1)(j+1) is the norm of a column that was at most
     * |r_jj| one step earlier. Norms are tracked by downdating, whose estimates LAPACK keeps
     * within a relative sqrt(eps) before recomputing; that is the slack allowed.
     */
    @ParameterizedTest(name = "{0}, block {2}")
    @MethodSource("pivotedCases")
    void pivotedDiagonalDoesNotIncreaseAndRevealsThePlantedRank(TestMatrices.Case c,
            boolean pivoting, int block) {
        Matrix a = c.matrix();
        Qr qr = new Qr(true, block).decompose(a);
        Matrix r = qr.getR();
        for (int j = 1; j < r.rows(); j++) {
            double previous = Math.abs(r.get(j - 1, j - 1));
            assertTrue(Math.abs(r.get(j, j)) <= previous * (1 + Math.sqrt(EPS)),
                    "|r_jj| increased at " + j);
        }
        int expected = Math.min(a.rows(), a.cols());
        if (c.singularValues() != null) {
            expected = 0;
            for (double s : c.singularValues()) {
                expected += s > 0 ? 1 : 0;
            }
        }
        assertEquals(expected, qr.rank());
    }

    @Test
    void reflectorSignsFollowLapack() {
        // alpha = 3 > 0, so beta = -5: R = [-5], Q = -[0.6; 0.8].
        Qr qr = new Qr(false).decompose(Matrix.of(new double[][] {{3}, {4}}));
        assertEquals(-5, qr.getR().get(0, 0), 1e-15);
        assertArrayEquals(new double[] {-0.6, -0.8}, qr.getQ(true).column(0), 1e-15);
    }

    @Test
    void pivotingTakesColumnsInOrderOfNorm() {
        Qr qr = new Qr(true).decompose(Matrix.diagonal(1, 3, 2));
        assertArrayEquals(new int[] {1, 2, 0}, qr.getPivots());
        Matrix r = qr.getR();
        assertArrayEquals(new double[] {3, 2, 1},
                new double[] {Math.abs(r.get(0, 0)), Math.abs(r.get(1, 1)), Math.abs(r.get(2, 2))},
                1e-15);
        assertEquals(1, qr.rank(2.5));
        // max(m, n) * eps * |r_11| = 3 * eps * 3
        assertEquals(9 * EPS, qr.defaultTolerance(), 1e-30);
    }

    /**
     * Remainders that decay to subnormal numbers once made {@code 1 / (alpha - beta)} overflow
     * and Q NaN: a unit-scale matrix with a subnormal second column, and a rank-one matrix at
     * scale 1e-300 whose rounding remainder is subnormal. Factors must be finite and as accurate
     * as for any matrix. A wholly subnormal matrix holds few significant bits, so there only
     * finiteness and orthogonality are asked for.
     */
    @Test
    void subnormalRemaindersGiveFiniteFactors() {
        Matrix subnormalColumn = Matrix.of(new double[][] {{1, 0}, {0, 1e-320}, {0, 1e-320}});
        Matrix tinyRankOne = Matrix.of(new double[][] {{1e-300, 1e-300}, {1e-300, 1e-300},
            {1e-300, 1e-300}});
        Matrix subnormal = Matrix.of(new double[][] {{1e-310, 2e-310}, {3e-310, 1e-310}});
        for (boolean pivoting : new boolean[] {false, true}) {
            for (Matrix a : new Matrix[] {subnormalColumn, tinyRankOne, subnormal}) {
                Qr qr = new Qr(pivoting).decompose(a);
                Matrix q = qr.getQ(true);
                Matrix r = qr.getR();
                for (double value : q.data()) {
                    assertTrue(Double.isFinite(value), "Q entry " + value);
                }
                for (double value : r.data()) {
                    assertTrue(Double.isFinite(value), "R entry " + value);
                }
                assertTrue(TestMatrices.orthogonalityError(q) <= 3 * EPS);
                if (a != subnormal) {
                    Matrix ap = permuteColumns(a, qr.getPivots());
                    assertTrue(TestMatrices.relativeDifference(ap, q.times(r)) <= 3 * EPS);
                }
            }
        }
        Qr tiny = new Qr(true).decompose(tinyRankOne);
        assertEquals(1, tiny.rank());
    }

    @Test
    void emptyMatricesFactorIntoEmptyFactors() {
        Qr noRows = new Qr(true).decompose(Matrix.zeros(0, 3));
        assertEquals(0, noRows.getR().rows());
        assertEquals(3, noRows.getR().cols());
        assertEquals(0, noRows.rank());
        Qr noColumns = new Qr(true).decompose(Matrix.zeros(4, 0));
        assertArrayEquals(Matrix.identity(4).data(), noColumns.getQ(false).data(), 0);
        assertEquals(0, noColumns.getQ(true).cols());
        Matrix b = Matrix.of(new double[][] {{1}, {2}, {3}, {4}});
        noColumns.applyQTranspose(b);
        assertArrayEquals(new double[] {1, 2, 3, 4}, b.data(), 0);
    }

    @Test
    void unpivotedQrKeepsColumnOrder() {
        Matrix a = TestMatrices.random("a", 6, 4, new Random(3)).matrix();
        assertArrayEquals(new int[] {0, 1, 2, 3}, new Qr(false).decompose(a).getPivots());
    }

    @Test
    void reusedInstanceGivesTheSameFactorsAsAFreshOne() {
        Random random = new Random(9);
        Qr reused = new Qr(true);
        // Large, then tall (reduced before pivoting), then small and not reduced.
        for (int[] shape : new int[][] {{50, 40}, {12, 5}, {7, 5}}) {
            Matrix a = TestMatrices.random("a", shape[0], shape[1], random).matrix();
            reused.decompose(a);
            Qr fresh = new Qr(true).decompose(a);
            assertArrayEquals(fresh.getR().data(), reused.getR().data(), 0);
            assertArrayEquals(fresh.getQ(false).data(), reused.getQ(false).data(), 0);
            assertArrayEquals(fresh.getPivots(), reused.getPivots());
        }
    }

    @Test
    void outputMatricesAreFilled() {
        Matrix a = TestMatrices.random("a", 5, 3, new Random(4)).matrix();
        Qr qr = new Qr(false).decompose(a);
        Matrix q = Matrix.zeros(5, 3);
        Matrix r = Matrix.zeros(3, 3);
        assertTrue(q == qr.getQ(q, true));
        assertTrue(r == qr.getR(r));
        assertArrayEquals(qr.getQ(true).data(), q.data(), 0);
        assertThrows(IllegalArgumentException.class, () -> qr.getQ(Matrix.zeros(5, 5), true));
    }

    @Test
    void badInputIsRejected() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Qr(false).decompose(a));
        assertTrue(e.getMessage().contains("(1, 1)"), e.getMessage());
        Qr qr = new Qr(false).decompose(Matrix.identity(3));
        assertThrows(IllegalArgumentException.class, () -> qr.applyQ(Matrix.zeros(2, 1)));
        assertThrows(IllegalStateException.class, qr::rank);
        assertThrows(IllegalStateException.class, () -> new Qr(true).getR());
    }

    private static Matrix permuteColumns(Matrix a, int[] pivots) {
        Matrix out = Matrix.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out.set(i, j, a.get(i, pivots[j]));
            }
        }
        return out;
    }
}
