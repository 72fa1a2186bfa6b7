package org.netcompare.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    private static final double EPS = Math.ulp(1.0);

    /** Samples, their planted covariance eigenvalues and directions. */
    private record Planted(Matrix samples, double[] variances, Matrix directions) {
    }

    /**
     * n samples of f features whose sample covariance (n - 1 denominator) is exactly
     * {@code Q diag(variances) Q^T} up to rounding: {@code X = mean + sqrt(n-1) U diag(sqrt
     * variances) Q^T} with U's columns orthonormal and orthogonal to the all-ones vector (so
     * they are already centred). U comes from the Householder reflector that maps e_0 onto
     * ones / sqrt(n): its other columns span the centred subspace.
     */
    private static Planted planted(int n, int f, double[] variances, Random random) {
        int r = variances.length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, -1 / Math.sqrt(n));
        w[0] += 1;
        double ww = 0;
        for (double v : w) {
            ww += v * v;
        }
        Matrix inner = TestMatrices.randomOrthogonal(n - 1, random);
        Matrix u = Matrix.zeros(n, r);
        for (int p = 0; p < r; p++) {
            // column p of U = H [0; inner(:, p)], with H = I - 2 w w^T / w^T w
            double[] y = new double[n];
            for (int k = 1; k < n; k++) {
                y[k] = inner.get(k - 1, p);
            }
            double dot = 0;
            for (int k = 0; k < n; k++) {
                dot += w[k] * y[k];
            }
            for (int k = 0; k < n; k++) {
                u.set(k, p, y[k] - 2 * dot / ww * w[k]);
            }
        }
        Matrix q = TestMatrices.randomOrthogonal(f, random);
        Matrix x = Matrix.zeros(n, f);
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < f; j++) {
                double sum = 3 * j - 1;
                for (int p = 0; p < r; p++) {
                    sum += Math.sqrt(n - 1) * u.get(s, p) * Math.sqrt(variances[p]) * q.get(j, p);
                }
                x.set(s, j, sum);
            }
        }
        Matrix directions = Matrix.zeros(f, r);
        for (int j = 0; j < f; j++) {
            for (int p = 0; p < r; p++) {
                directions.set(j, p, q.get(j, p));
            }
        }
        return new Planted(x, variances, directions);
    }

    private static double[] padded(double[] values, int length) {
        return java.util.Arrays.copyOf(values, length);
    }

    /**
     * Eigenvalues to within a few hundred eps of the largest (the data hold entries up to ~3f
     * from the planted mean, and centring and the Gram product each round at that scale);
     * directions to within the same over the gap between neighbouring variances, which is at
     * least 1 here.
     */
    private static void assertRecovers(Planted planted, Pca.Route route) {
        Matrix x = planted.samples();
        int n = x.rows();
        int f = x.cols();
        Pca pca = new Pca(route, true);
        pca.fit(x);
        double[] expected = padded(planted.variances(), Math.min(n, f));
        double scale = 1e3 * (n + f) * EPS * (expected[0] + 9.0 * f * f);
        assertArrayEquals(expected, pca.eigenvalues(), scale, route.name());
        Matrix components = pca.components();
        assertEquals(planted.variances().length, components.cols());
        Matrix overlap = planted.directions().transpose().times(components);
        for (int p = 0; p < overlap.rows(); p++) {
            for (int q = 0; q < overlap.cols(); q++) {
                assertEquals(p == q ? 1 : 0, Math.abs(overlap.get(p, q)), Math.sqrt(scale),
                        route + " overlap " + p + ", " + q);
            }
        }
        double[] mean = pca.mean();
        for (int j = 0; j < f; j++) {
            assertEquals(3 * j - 1, mean[j], 1e-12 * (3 * f));
        }
    }

    @Test
    void plantedSpectrumIsRecoveredByBothRoutesForTallAndWideData() {
        Random random = new Random(21);
        Planted tall = planted(60, 6, new double[] {9, 5, 4, 2, 1, 0.25}, random);
        assertRecovers(tall, Pca.Route.COVARIANCE);
        assertRecovers(tall, Pca.Route.SVD);
        Planted wide = planted(9, 25, new double[] {16, 8, 3, 1.5}, random);
        assertRecovers(wide, Pca.Route.COVARIANCE);
        assertRecovers(wide, Pca.Route.SVD);
    }

    @Test
    void automaticRouteFollowsTheSmallerProduct() {
        Random random = new Random(2);
        Pca pca = new Pca();
        pca.fit(TestMatrices.random("tall", 30, 5, random).matrix());
        assertEquals(Pca.Route.COVARIANCE, pca.route());
        pca.fit(TestMatrices.random("wide", 5, 30, random).matrix());
        assertEquals(Pca.Route.SVD, pca.route());
    }

    @Test
    void routesAgreeOnRandomData() {
        Random random = new Random(4);
        for (int[] shape : new int[][] {{50, 12}, {12, 50}, {20, 20}}) {
            Matrix x = TestMatrices.random("data", shape[0], shape[1], random).matrix();
            Pca covariance = new Pca(Pca.Route.COVARIANCE, true);
            Pca svd = new Pca(Pca.Route.SVD, true);
            covariance.fit(x);
            svd.fit(x);
            double[] a = covariance.eigenvalues();
            double tolerance = 100 * (shape[0] + shape[1]) * EPS * a[0];
            assertArrayEquals(a, svd.eigenvalues(), tolerance);
            assertArrayEquals(covariance.explainedVarianceRatio(), svd.explainedVarianceRatio(),
                    tolerance / a[0]);
            Matrix ca = covariance.components();
            Matrix cb = svd.components();
            assertEquals(ca.cols(), cb.cols());
            // Leading directions are well separated for Gaussian data of these sizes.
            for (int p = 0; p < 3; p++) {
                for (int j = 0; j < ca.rows(); j++) {
                    assertEquals(ca.get(j, p), cb.get(j, p), 1e-8);
                }
            }
        }
    }

    @Test
    void transformGivesUncorrelatedCoordinatesWithThePlantedVariances() {
        Random random = new Random(6);
        Planted planted = planted(40, 5, new double[] {10, 4, 2, 1, 0.5}, random);
        Pca pca = new Pca(Pca.Route.AUTOMATIC, true);
        pca.fit(planted.samples());
        Matrix scores = pca.transform(planted.samples());
        Matrix covariance = scores.transpose().times(scores);
        for (int p = 0; p < 5; p++) {
            for (int q = 0; q < 5; q++) {
                double expected = p == q ? planted.variances()[p] : 0;
                assertEquals(expected, covariance.get(p, q) / 39, 1e-10, p + ", " + q);
            }
        }
    }

    @Test
    void dimensionForVarianceCountsLeadingEigenvalues() {
        Random random = new Random(9);
        // ratios 0.4, 0.3, 0.2, 0.1; the fifth feature direction carries no variance
        Planted planted = planted(30, 5, new double[] {4, 3, 2, 1}, random);
        Pca pca = new Pca();
        pca.fit(planted.samples());
        assertArrayEquals(new double[] {0.4, 0.3, 0.2, 0.1, 0}, pca.explainedVarianceRatio(),
                1e-12);
        assertEquals(0, pca.eigenvalues()[4]);
        assertEquals(1, pca.dimensionForVariance(1e-9));
        assertEquals(1, pca.dimensionForVariance(0.39));
        assertEquals(2, pca.dimensionForVariance(0.41));
        assertEquals(3, pca.dimensionForVariance(0.85));
        assertEquals(4, pca.dimensionForVariance(0.95));
        assertEquals(4, pca.dimensionForVariance(1));
        for (double bad : new double[] {0, -0.1, 1.0000001, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> pca.dimensionForVariance(bad));
        }
    }

    @Test
    void dataWithoutVarianceHaveDimensionZero() {
        Matrix same = Matrix.of(new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}});
        Pca pca = new Pca(Pca.Route.AUTOMATIC, true);
        pca.fit(same);
        assertArrayEquals(new double[3], pca.eigenvalues(), 0);
        assertArrayEquals(new double[3], pca.explainedVarianceRatio(), 0);
        assertEquals(0, pca.dimensionForVariance(1));
        assertEquals(0, pca.dimensionForVariance(0.5));
        assertEquals(0, pca.components().cols());
    }

    @Test
    void numpyCovarianceEigenvaluesAreMatched() {
        // numpy.linalg.eigvalsh(numpy.cov(x, rowvar=False))[::-1] for this x
        Matrix x = Matrix.of(new double[][] {
            {2.5, 2.4, 0.5}, {0.5, 0.7, -1.0}, {2.2, 2.9, 0.3}, {1.9, 2.2, 1.1}, {3.1, 3.0, 0.4},
            {2.3, 2.7, -0.2}, {2.0, 1.6, 0.9}, {1.0, 1.1, -0.6}, {1.5, 1.6, 0.1}, {1.1, 0.9, 0.0}});
        double[] numpy = {1.4576457892571235, 0.2481676624259265, 0.03896432609472766};
        for (Pca.Route route : new Pca.Route[] {Pca.Route.COVARIANCE, Pca.Route.SVD}) {
            Pca pca = new Pca(route, false);
            pca.fit(x);
            assertArrayEquals(numpy, pca.eigenvalues(), 1e-14, route.name());
        }
    }

    @Test
    void badInputIsRejected() {
        Pca pca = new Pca();
        assertThrows(IllegalStateException.class, pca::eigenvalues);
        assertThrows(IllegalArgumentException.class, () -> pca.fit(Matrix.zeros(1, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> pca.fit(Matrix.of(new double[][] {{1, 2}, {Double.NaN, 1}})));
        pca.fit(Matrix.of(new double[][] {{1, 2}, {3, 5}, {0, 1}}));
        assertThrows(IllegalStateException.class, pca::components);
        Pca withComponents = new Pca(Pca.Route.COVARIANCE, true);
        withComponents.fit(Matrix.of(new double[][] {{1, 2}, {3, 5}, {0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> withComponents.transform(Matrix.zeros(2, 3)));
        assertTrue(withComponents.components().cols() <= 2);
    }
}
