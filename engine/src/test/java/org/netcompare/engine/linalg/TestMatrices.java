package org.netcompare.engine.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The matrices every decomposition contract test runs on: shapes and conditions that break
 * careless implementations. Built from known factors (random orthogonal matrices times chosen
 * singular values), so the singular values are an independent truth.
 */
public final class TestMatrices {

    /** A named test matrix with the singular values it was built from (descending, or null). */
    public record Case(String name, Matrix matrix, double[] singularValues) {
        @Override
        public String toString() {
            return name;
        }
    }

    private TestMatrices() {
    }

    /** Square, tall, wide, rank-deficient, zero, identity, tiny, huge and ill-conditioned cases. */
    public static List<Case> standardCases() {
        Random random = new Random(42);
        List<Case> cases = new ArrayList<>();
        cases.add(random("square 6x6", 6, 6, random));
        cases.add(random("square 1x1", 1, 1, random));
        cases.add(random("tall 40x7", 40, 7, random));
        cases.add(random("wide 7x40", 7, 40, random));
        cases.add(random("tall 129x3", 129, 3, random));
        cases.add(random("wide 1x9", 1, 9, random));
        cases.add(withSingularValues("rank 3 of 12x9", 12, 9,
                new double[] {5, 2, 0.5, 0, 0, 0, 0, 0, 0}, random));
        cases.add(withSingularValues("rank 2 of 5x11", 5, 11, new double[] {3, 1, 0, 0, 0}, random));
        cases.add(new Case("zero 5x4", Matrix.zeros(5, 4), new double[4]));
        cases.add(new Case("identity 7", Matrix.identity(7), ones(7)));
        cases.add(withSingularValues("scaled 1e-150 10x8", 10, 8,
                geometric(8, 1e-150, 1e-152), random));
        cases.add(withSingularValues("scaled 1e150 8x10", 8, 10,
                geometric(8, 1e150, 1e148), random));
        cases.add(withSingularValues("condition 1e12 20x20", 20, 20,
                geometric(20, 1, 1e-12), random));
        cases.add(withSingularValues("repeated values 9x9", 9, 9,
                new double[] {2, 2, 2, 1, 1, 1, 1, 0.5, 0.5}, random));
        return cases;
    }

    /** A rows x cols matrix of independent standard normal entries (singular values unknown). */
    public static Case random(String name, int rows, int cols, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian();
        }
        return new Case(name, m, null);
    }

    /** U diag(s) V^T with random orthogonal U (rows x rows) and V (cols x cols). */
    public static Case withSingularValues(String name, int rows, int cols, double[] s,
            Random random) {
        int r = Math.min(rows, cols);
        if (s.length != r) {
            throw new IllegalArgumentException("need " + r + " singular values");
        }
        Matrix u = randomOrthogonal(rows, random);
        Matrix v = randomOrthogonal(cols, random);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int p = 0; p < r; p++) {
                    sum += u.get(i, p) * s[p] * v.get(j, p);
                }
                m.set(i, j, sum);
            }
        }
        return new Case(name, m, s.clone());
    }

    /**
     * A random orthogonal n x n matrix: the product of n Householder reflections with random
     * normal vectors, which needs no decomposition to build.
     */
    public static Matrix randomOrthogonal(int n, Random random) {
        Matrix q = Matrix.identity(n);
        double[] v = new double[n];
        for (int reflection = 0; reflection < n; reflection++) {
            double norm2 = 0;
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
                norm2 += v[i] * v[i];
            }
            // q <- q (I - 2 v v^T / |v|^2)
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q.get(i, j) * v[j];
                }
                double f = 2 * dot / norm2;
                for (int j = 0; j < n; j++) {
                    q.set(i, j, q.get(i, j) - f * v[j]);
                }
            }
        }
        return q;
    }

    /** Largest absolute entry of A - B, divided by the Frobenius norm of A (or 1 if A is zero). */
    public static double relativeDifference(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new AssertionError("shapes differ: " + a + " vs " + b);
        }
        double scale = a.frobeniusNorm();
        if (scale == 0) {
            scale = 1;
        }
        double worst = 0;
        for (int i = 0; i < a.data().length; i++) {
            worst = Math.max(worst, Math.abs(a.data()[i] - b.data()[i]) / scale);
        }
        return worst;
    }

    /** Largest absolute entry of Q^T Q - I for the columns of Q. */
    public static double orthogonalityError(Matrix q) {
        Matrix gram = q.transpose().times(q);
        double worst = 0;
        for (int i = 0; i < gram.rows(); i++) {
            for (int j = 0; j < gram.cols(); j++) {
                worst = Math.max(worst, Math.abs(gram.get(i, j) - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }

    private static double[] geometric(int n, double first, double last) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = first * Math.pow(last / first, n == 1 ? 0 : (double) i / (n - 1));
        }
        return out;
    }
}
