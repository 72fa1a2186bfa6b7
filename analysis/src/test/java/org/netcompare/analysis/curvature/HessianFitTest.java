package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class HessianFitTest {

    /**
     * An exact quadratic graph with two normal directions of different Hessians: f1 = (x^2 +
     * y^2)/2 (umbilic, h1 = I) and f2 = x y (h2 has off-diagonal 1). Gauss: K = det h1 + det h2
     * = 1 - 1 = 0, and the normal-space inner products are frame invariant:
     * |h_00|^2 + |h_11|^2 + 2 |h_01|^2 = ||h1||_F^2 + ||h2||_F^2 = 2 + 2 = 4 to within the
     * tilt of the sampled tangent plane.
     */
    @Test
    void recoversTheHessiansOfAQuadraticGraph() {
        Matrix patch = Patches.graph(100, 2, 0.1, 21,
                u -> new double[] {(u[0] * u[0] + u[1] * u[1]) / 2, u[0] * u[1]});
        HessianFit.Result fit = HessianFit.fit(patch, 2);
        assertEquals(99, fit.neighbours());
        assertEquals(5, fit.unknowns());
        SecondFundamentalForm h = fit.form();
        assertEquals(2, h.codimension());
        double frobenius = 0;
        for (int a = 0; a < 2; a++) {
            for (int k = 0; k < 2; k++) {
                for (int l = 0; l < 2; l++) {
                    frobenius += h.get(a, k, l) * h.get(a, k, l);
                }
            }
        }
        assertEquals(4, frobenius, 0.05);
        assertEquals(0, Curvature.sectional(h)[0], 0.02);
    }

    /** d = 3 needs 3 + 6 = 9 neighbours; 8 give a warning and still a result. */
    @Test
    void warnsWhenThePatchHasFewerPointsThanUnknowns() {
        Matrix small = Patches.sphere(9, 3, 1, 0.2, 22);
        HessianFit.Result fit = HessianFit.fit(small, 3);
        assertEquals(1, fit.warnings().size());
        assertTrue(fit.warnings().get(0).contains("8 neighbours"), fit.warnings().get(0));
        assertTrue(fit.warnings().get(0).contains("9 unknowns"), fit.warnings().get(0));
        assertTrue(HessianFit.fit(Patches.sphere(10, 3, 1, 0.2, 22), 3).warnings().isEmpty());
    }

    @Test
    void rejectsBadInput() {
        Matrix patch = Patches.sphere(20, 2, 1, 0.2, 23);
        assertThrows(IllegalArgumentException.class, () -> HessianFit.fit(patch, 0));
        assertThrows(IllegalArgumentException.class, () -> HessianFit.fit(patch, 4));
        assertThrows(IllegalArgumentException.class,
                () -> HessianFit.fit(Matrix.zeros(1, 3), 1));
        patch.set(3, 1, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HessianFit.fit(patch, 2));
        assertTrue(e.getMessage().contains("(3, 1)"), e.getMessage());
    }
}
