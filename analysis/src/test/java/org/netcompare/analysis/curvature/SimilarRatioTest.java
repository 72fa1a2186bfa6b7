package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimilarRatioTest {

    private static final double[] DISTRIBUTION = {3.5, 1.25, 0.5, -0.75, -2};

    @Test
    void distributionAgainstItselfIsOne() {
        assertEquals(1, SimilarRatio.of(DISTRIBUTION, DISTRIBUTION), 1e-15);
    }

    @Test
    void scaledDistributionGivesTheScale() {
        double[] scaled = DISTRIBUTION.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 2.5;
        }
        assertEquals(2.5, SimilarRatio.of(scaled, DISTRIBUTION), 1e-14);
        assertEquals(0.4, SimilarRatio.of(DISTRIBUTION, scaled), 1e-14);
    }

    /**
     * Ratios r = 1, 2, 3, 4 lie on r = i exactly (i = 1..4), so r0 = k n / 2 + c = 1 * 4 / 2 + 0
     * = 2, by hand.
     */
    @Test
    void ratiosOnALineGiveItsValueAtHalfTheLength() {
        assertEquals(2, SimilarRatio.of(new double[] {1, 4, 9, 16}, new double[] {1, 2, 3, 4}),
                1e-14);
    }

    @Test
    void singleValueIsItsRatio() {
        assertEquals(-3, SimilarRatio.of(new double[] {6}, new double[] {-2}), 0);
    }

    @Test
    void rejectsZeroDenominatorsAndMismatchedLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> SimilarRatio.of(new double[] {1, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> SimilarRatio.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> SimilarRatio.of(new double[0], new double[0]));
    }
}
