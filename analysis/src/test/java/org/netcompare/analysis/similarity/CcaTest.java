package org.netcompare.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class CcaTest {

    /**
     * Computed with /usr/bin/python3 and NumPy 1.x in float64 on {@link Samples#referenceX()}
     * and {@link Samples#referenceY()}: singular values of {@code Q_x^T Q_y} from
     * {@code np.linalg.qr} of the centred data; PWCCA weights {@code |(Q_x U)^T X_c|} summed
     * over neurons (X has fewer); SVCCA on the 2 leading directions from {@code np.linalg.svd}.
     */
    @Test
    void matchesNumPyReference() {
        Cca cca = Cca.of(Samples.referenceX(), Samples.referenceY());
        double[] expected = {0.9998027630668855, 0.6657370870234797, 0.4317380910281307};
        assertArrayEquals(expected, cca.correlations(), 1e-12);
        assertEquals(0.6990926470394986, cca.mean(), 1e-12);
        assertEquals(0.6994582077136754, cca.pwcca(), 1e-12);
        assertEquals(0.5331104190602851, Svcca.similarity(Samples.referenceX(),
                Samples.referenceY(), Svcca.Directions.ofCount(2)), 1e-12);
    }

    @Test
    void affineImageIsPerfectlyCorrelatedInEveryDirection() {
        Matrix x = Samples.gaussian(40, 5, 1);
        Matrix y = Samples.shifted(x.times(Samples.gaussian(5, 5, 2)), 3, -1, 8, 0.5, 2);
        Cca cca = Cca.of(x, y);
        for (double rho : cca.correlations()) {
            assertEquals(1, rho, 1e-12);
        }
        assertEquals(1, cca.pwcca(), 1e-12);
    }

    @Test
    void invariantToInvertibleLinearMaps() {
        Matrix x = Samples.gaussian(50, 4, 3);
        Matrix y = Samples.gaussian(50, 6, 4);
        Cca plain = Cca.of(x, y);
        Cca mapped = Cca.of(Samples.shifted(x.times(Samples.gaussian(4, 4, 5)), 7),
                y.times(Samples.gaussian(6, 6, 6)));
        assertArrayEquals(plain.correlations(), mapped.correlations(), 1e-10);
    }

    @Test
    void moreFeaturesThanSamplesIsRefusedNotReportedAsOne() {
        Matrix x = Samples.gaussian(20, 25, 7);
        Matrix y = Samples.gaussian(20, 3, 8);
        DegenerateCcaException refused =
                assertThrows(DegenerateCcaException.class, () -> Cca.of(x, y));
        assertTrue(refused.getMessage().startsWith("CCA is degenerate: X spans 19 and Y 3"
                + " dimensions but 20 centred samples span at most 19"), refused.getMessage());
        // Fewer kept directions make SVCCA well posed on the same data.
        double svcca = Svcca.similarity(x, y, Svcca.Directions.ofCount(3));
        assertTrue(svcca < 1, "svcca " + svcca);
    }

    /**
     * Two shared signals of large variance, mixed into 6 neurons on each side, plus 4
     * private low-variance noise directions per side (n = 3000). Canonical correlations: two
     * near 1, four near 0 (of order sqrt(d / n)); mean CCA about 1/3. PWCCA weighs by how much
     * the neurons express each direction, which is mostly the shared signal, so it is near 1;
     * SVCCA at 99% variance keeps only the two signal directions and is near 1 too.
     */
    @Test
    void plantedSharedDirectionsAreFoundByAllThreeIndices() {
        int n = 3000;
        Matrix shared = Samples.gaussian(n, 2, 9);
        Matrix x = plant(shared, Samples.gaussian(n, 4, 10), 11);
        Matrix y = plant(shared, Samples.gaussian(n, 4, 12), 13);
        Cca cca = Cca.of(x, y);
        double[] rho = cca.correlations();
        assertEquals(1, rho[0], 1e-12);
        assertEquals(1, rho[1], 1e-12);
        for (int i = 2; i < rho.length; i++) {
            assertTrue(rho[i] < 0.1, "correlation " + i + " = " + rho[i]);
        }
        assertEquals(2.0 / 6, cca.mean(), 0.05);
        assertTrue(cca.pwcca() > 0.95, "pwcca " + cca.pwcca());
        // The leading principal plane of each side is the shared one tilted by the small noise
        // (variance ratio 0.05^2 / 10^2), so SVCCA is 1 up to about that ratio.
        assertEquals(1, Svcca.similarity(x, y, Svcca.Directions.ofVariance(0.99)), 1e-4);
    }

    /** {@code [10 * shared, 0.05 * noise]} mixed by a random 6 x 6 map (seeded). */
    private static Matrix plant(Matrix shared, Matrix noise, long seed) {
        int n = shared.rows();
        Matrix columns = Matrix.zeros(n, 6);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                columns.set(i, j, 10 * shared.get(i, j));
            }
            for (int j = 0; j < 4; j++) {
                columns.set(i, 2 + j, 0.05 * noise.get(i, j));
            }
        }
        Matrix mixing = Samples.gaussian(6, 6, seed);
        Random random = new Random(seed);
        for (int j = 0; j < 6; j++) {
            mixing.set(j, j, mixing.get(j, j) + 3 + random.nextDouble());
        }
        return columns.times(mixing);
    }

    @Test
    void refusesMismatchedSamplesAndConstantData() {
        Matrix x = Samples.gaussian(10, 2, 14);
        assertThrows(IllegalArgumentException.class,
                () -> Cca.of(x, Samples.gaussian(11, 2, 15)));
        assertThrows(IllegalArgumentException.class, () -> Cca.of(x, Matrix.zeros(10, 2)));
        Matrix nan = x.copy();
        nan.set(3, 1, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> Cca.of(nan, x));
    }
}
