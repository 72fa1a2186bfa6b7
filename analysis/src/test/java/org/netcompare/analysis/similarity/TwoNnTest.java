package org.netcompare.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

class TwoNnTest {

    /**
     * 5,000 standard Gaussian samples of a d-dimensional subspace, placed in R^50 by d random
     * orthonormal columns and shifted off the origin: TwoNN recovers d within 10% (the issue's
     * acceptance bound; the estimator's finite-sample spread at this n is a few percent).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 5, 10})
    void recoversTheDimensionOfAnEmbeddedGaussian(int d) {
        Matrix latent = Samples.gaussian(5000, d, 100 + d);
        Matrix embedding = Samples.orthogonal(50, 200 + d);
        Matrix basis = Matrix.zeros(d, 50);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < 50; j++) {
                basis.set(i, j, embedding.get(j, i));
            }
        }
        Tensor points = Samples.points(Samples.shifted(latent.times(basis), 3, -1, 0.5));
        TwoNn.Estimate estimate = TwoNn.estimate(points, TwoNn.DEFAULT_FIT_FRACTION);
        assertEquals(d, estimate.dimension(), 0.1 * d, "estimate " + estimate);
        assertEquals(5000, estimate.samples());
        assertEquals(0, estimate.dropped());
        assertEquals((int) Math.floor(0.9 * 5000), estimate.fitted());
    }

    /**
     * Points on a line at x_i = 2^i, i = 0..11. Point i >= 2 has its nearest neighbour at
     * 2^(i-1) (distance 2^(i-1)) and its second at 2^(i-2) (distance 3 * 2^(i-2)), so mu = 1.5;
     * point 1 (x = 2) has neighbours 1 and 4, mu = 2; point 0 has neighbours 2 and 4, mu = 3.
     * Sorted: ten ratios 1.5, then 2, then 3; the fit keeps the 11 below F = 1, a closed form.
     */
    @Test
    void fitsTheEmpiricalLawThroughTheOrigin() {
        int n = 12;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) Math.pow(2, i);
        }
        TwoNn.Estimate estimate = TwoNn.estimate(Tensor.wrap(values, n, 1), 1);
        double xy = 0;
        double xx = 0;
        for (int i = 1; i <= 11; i++) {
            double x = Math.log(i <= 10 ? 1.5 : 2);
            xy += x * -Math.log(1 - i / 12.0);
            xx += x * x;
        }
        assertEquals(xy / xx, estimate.dimension(), 1e-12);
        assertEquals(11, estimate.fitted());
        assertEquals(0, estimate.dropped());
    }

    @Test
    void duplicatesAreDroppedAndTooFewPointsRefused() {
        float[] line = {0, 0, 1, 3, 7, 15, 31};
        // The two zeros have r1 = 0; the point at 1 has both zeros at distance 1, r1 = r2.
        TwoNn.Estimate estimate = TwoNn.estimate(Tensor.wrap(line, 7, 1), 1);
        assertEquals(3, estimate.dropped());
        assertThrows(IllegalArgumentException.class,
                () -> TwoNn.estimate(Tensor.wrap(new float[] {0, 1}, 2, 1), 0.9));
        assertThrows(IllegalArgumentException.class,
                () -> TwoNn.estimate(Tensor.wrap(new float[] {0, 0, 0, 0}, 4, 1), 0.9));
        assertThrows(IllegalArgumentException.class,
                () -> TwoNn.estimate(Tensor.wrap(line, 7, 1), 0));
    }
}
