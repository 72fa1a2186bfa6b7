package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

/**
 * Hessian fit followed by the Gauss equation on sampled surfaces whose curvature is known in
 * closed form (the acceptance checks). Samples cover a cube of half-width 0.2 r around
 * the base point: small enough that the quartic terms the quadratic fit cannot represent bias K
 * by well under the 5% allowed, large enough to be far from rounding.
 */
class CurvatureOfKnownSurfacesTest {

    private static final double R = 2.5;

    @Test
    void sphereInR3HasCurvatureOneOverRSquared() {
        Matrix patch = Patches.sphere(200, 2, R, 0.2 * R, 1);
        HessianFit.Result fit = HessianFit.fit(patch, 2);
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
        double[] k = Curvature.sectional(fit.form());
        assertEquals(1, k.length);
        assertEquals(1 / (R * R), k[0], 0.05 / (R * R));
        double[] riemann = Curvature.riemann(fit.form());
        assertEquals(1, riemann.length);
        assertEquals(k[0], riemann[0], 1e-12);
    }

    @Test
    void sphereRotatedIntoR10KeepsItsCurvature() {
        Matrix patch = Patches.rotateInto(Patches.sphere(200, 2, R, 0.2 * R, 2), 10, 3);
        HessianFit.Result fit = HessianFit.fit(patch, 2);
        assertEquals(8, fit.form().codimension());
        assertEquals(1 / (R * R), Curvature.sectional(fit.form())[0], 0.05 / (R * R));
    }

    /** Intrinsically flat although the normal curvature in the round direction is 1 / r. */
    @Test
    void cylinderIsFlat() {
        Matrix patch = Patches.graph(200, 2, 0.2 * R, 4,
                u -> new double[] {R - Math.sqrt(R * R - u[0] * u[0])});
        HessianFit.Result fit = HessianFit.fit(Patches.rotateInto(patch, 6, 5), 2);
        assertEquals(0, Curvature.sectional(fit.form())[0], 0.02 / (R * R));
    }

    @Test
    void saddleHasCurvatureMinusOneAtTheOrigin() {
        Matrix patch = Patches.graph(200, 2, 0.3, 6,
                u -> new double[] {(u[0] * u[0] - u[1] * u[1]) / 2});
        double k = Curvature.sectional(HessianFit.fit(patch, 2).form())[0];
        assertEquals(-1, k, 0.05);
    }

    /** A plane has no normal component at all: every coefficient is zero up to rounding. */
    @Test
    void planeHasZeroCurvature() {
        Matrix patch = Patches.rotateInto(Patches.graph(50, 2, 1, 7, u -> new double[] {0, 0}),
                5, 8);
        HessianFit.Result fit = HessianFit.fit(patch, 2);
        for (double v : Curvature.riemann(fit.form())) {
            assertEquals(0, v, 1e-12);
        }
        for (double v : Curvature.sectional(fit.form())) {
            assertEquals(0, v, 1e-12);
        }
    }

    /**
     * The round 3-sphere has constant curvature: {@code R_ijkl = (delta_ik delta_jl - delta_il
     * delta_jk) / r^2}, so its three sectional curvatures are 1/r^2 and of the six Riemann
     * classes three (R_0101, R_0202, R_1212) are 1/r^2 and three vanish.
     */
    @Test
    void threeSphereHasConstantCurvature() {
        Matrix patch = Patches.sphere(400, 3, R, 0.2 * R, 9);
        HessianFit.Result fit = HessianFit.fit(patch, 3);
        double[] k = Curvature.sectional(fit.form());
        assertEquals(3, k.length);
        for (double v : k) {
            assertEquals(1 / (R * R), v, 0.05 / (R * R));
        }
        double[] riemann = Curvature.riemann(fit.form());
        assertEquals(6, riemann.length);
        for (int i = 0; i < 6; i++) {
            assertEquals(i < 3 ? 1 / (R * R) : 0, riemann[i], 0.05 / (R * R), "entry " + i);
        }
    }
}
