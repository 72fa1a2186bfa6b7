package org.netcompare.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

class CkaTest {

    /** Inputs are float32, so values agree with float64 formulas to about 1e-6. */
    private static final double FLOAT32 = 1e-5;

    /**
     * Computed with /usr/bin/python3 and NumPy 1.x in float64 from the float32-rounded
     * {@link Samples#referenceX()} and {@link Samples#referenceY()}, by the sample-space
     * definitions: {@code <HKH, HLH>} for the biased HSIC, Song et al.'s unbiased estimator on
     * Gram matrices with zeroed diagonals for the debiased one, and the median over pairs
     * i < j of squared distances for the RBF bandwidth (f = 0.5). The code under test uses the
     * feature-space forms instead, so the two routes check each other.
     */
    @Test
    void matchesNumPyReference() {
        Tensor x = Samples.points(Samples.referenceX());
        Tensor y = Samples.points(Samples.referenceY());
        Cka.Linear linear = Cka.linear(x, y);
        assertEquals(0.3250629615699288, linear.biased(), FLOAT32);
        assertEquals(0.10247993060191594, linear.debiased(), FLOAT32);
        assertEquals(0.4499568359159373, Cka.rbf(x, y, 0.5), FLOAT32);
    }

    @Test
    void representationAgainstItselfIsOne() {
        Tensor x = Samples.points(Samples.gaussian(60, 7, 1));
        Cka.Linear linear = Cka.linear(x, x);
        assertEquals(1, linear.biased(), 1e-6);
        assertEquals(1, linear.debiased(), 1e-6);
        assertEquals(1, Cka.rbf(x, x, 0.5), 1e-6);
    }

    @Test
    void invariantToOrthogonalMapsIsotropicScalingAndShifts() {
        Matrix x = Samples.gaussian(80, 6, 2);
        Matrix y = Samples.gaussian(80, 5, 3);
        Matrix moved = Samples.shifted(Samples.scaled(x.times(Samples.orthogonal(6, 4)), 3.5),
                10, -2, 7);
        Tensor tx = Samples.points(x);
        Tensor ty = Samples.points(y);
        Tensor tMoved = Samples.points(moved);
        assertEquals(1, Cka.linear(tx, tMoved).biased(), 1e-6);
        assertEquals(Cka.linear(tx, ty).biased(), Cka.linear(tMoved, ty).biased(), FLOAT32);
        assertEquals(Cka.linear(tx, ty).debiased(), Cka.linear(tMoved, ty).debiased(), FLOAT32);
        assertEquals(Cka.rbf(tx, ty, 0.5), Cka.rbf(tMoved, ty, 0.5), FLOAT32);
    }

    @Test
    void notInvariantToGeneralLinearMaps() {
        Matrix x = Samples.gaussian(200, 4, 5);
        // Stretching one axis 20-fold lets it dominate X^T X: CKA drops well below 1.
        Matrix stretch = Matrix.diagonal(20, 1, 1, 1);
        double cka = Cka.linear(Samples.points(x), Samples.points(x.times(stretch))).biased();
        assertTrue(cka < 0.7, "CKA under a stretch was " + cka);
    }

    /**
     * Independent Gaussian features: the biased index is inflated by finite samples (about
     * sqrt(dx dy) / n), the debiased one is centred on 0 with spread of order 1 / n.
     */
    @Test
    void debiasedIndexOfIndependentNoiseIsNearZero() {
        Tensor x = Samples.points(Samples.gaussian(400, 40, 6));
        Tensor y = Samples.points(Samples.gaussian(400, 40, 7));
        Cka.Linear linear = Cka.linear(x, y);
        assertTrue(linear.biased() > 0.05, "biased " + linear.biased());
        assertEquals(0, linear.debiased(), 0.01);
    }

    /**
     * Tiles of 16 and chunks of 24 give the float64 brute-force sums in both routes: feature
     * space (tiles of features, chunks of samples) and sample space (tiles of samples, chunks
     * of features). Tolerance: float32 inputs and products, float64 sums.
     */
    @Test
    void tiledProductsMatchBruteForceAcrossTileEdges() {
        Matrix x = Samples.shifted(Samples.gaussian(101, 37, 8), 100, -50);
        Matrix y = Samples.gaussian(101, 19, 9);
        CentredSamples a = CentredSamples.of(Samples.points(x), 2, "X");
        CentredSamples b = CentredSamples.of(Samples.points(y), 2, "Y");
        double cross = bruteForce(a, b);
        double selfX = bruteForce(a, a);
        double selfY = bruteForce(b, b);
        for (LinearProducts products : new LinearProducts[] {
                new FeatureProducts(16, 24).of(a, b), new SampleProducts(16, 24).of(a, b)}) {
            assertEquals(cross, products.cross(), 1e-5 * cross, products.toString());
            assertEquals(selfX, products.selfX(), 1e-5 * selfX, products.toString());
            assertEquals(selfY, products.selfY(), 1e-5 * selfY, products.toString());
        }
    }

    /** More features than samples: the sample-space route, still 1 under rotation and scale. */
    @Test
    void wideLayersTakeTheSampleSpaceRouteWithTheSameValues() {
        Matrix x = Samples.gaussian(30, 200, 12);
        Matrix y = Samples.gaussian(30, 150, 13);
        CentredSamples a = CentredSamples.of(Samples.points(x), 2, "X");
        CentredSamples b = CentredSamples.of(Samples.points(y), 2, "Y");
        LinearProducts chosen = LinearProducts.of(a, b);
        LinearProducts features = FeatureProducts.DEFAULT.of(a, b);
        assertEquals(SampleProducts.DEFAULT.of(a, b), chosen);
        assertEquals(features.cross(), chosen.cross(), 1e-5 * features.cross());
        assertEquals(features.selfX(), chosen.selfX(), 1e-5 * features.selfX());
        assertEquals(features.selfY(), chosen.selfY(), 1e-5 * features.selfY());
        Matrix moved = Samples.scaled(x.times(Samples.orthogonal(200, 14)), 0.25);
        assertEquals(1, Cka.linear(Samples.points(x), Samples.points(moved)).biased(), 1e-6);
    }

    private static double bruteForce(CentredSamples a, CentredSamples b) {
        double sum = 0;
        for (int i = 0; i < a.features(); i++) {
            for (int j = 0; j < b.features(); j++) {
                double dot = 0;
                for (int s = 0; s < a.samples(); s++) {
                    dot += (double) a.values()[s * a.features() + i]
                            * b.values()[s * b.features() + j];
                }
                sum += dot * dot;
            }
        }
        return sum;
    }

    @Test
    void refusesMismatchedSamplesConstantDataAndOversizedKernels() {
        Tensor x = Samples.points(Samples.gaussian(10, 3, 10));
        Tensor y = Samples.points(Samples.gaussian(11, 3, 11));
        IllegalArgumentException mismatch =
                assertThrows(IllegalArgumentException.class, () -> Cka.linear(x, y));
        assertTrue(mismatch.getMessage().contains("10 samples but Y has 11"), mismatch.getMessage());
        Tensor constant = Tensor.zeros(10, 3);
        assertThrows(IllegalArgumentException.class, () -> Cka.linear(x, constant));
        assertThrows(IllegalArgumentException.class, () -> Cka.rbf(x, constant, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Cka.rbf(x, x, 0));
        IllegalArgumentException tooBig =
                assertThrows(IllegalArgumentException.class, () -> RbfKernel.checkFits(2_000_000));
        assertTrue(tooBig.getMessage().contains("RBF CKA of 2000000 samples needs"),
                tooBig.getMessage());
    }

    @Test
    void medianSelectsTheMiddleOrTheMeanOfTheTwoMiddleValues() {
        assertEquals(3, Median.of(new float[] {5, 1, 3, 9, 2}, 5));
        assertEquals(2.5, Median.of(new float[] {4, 1, 3, 2}, 4));
        assertEquals(7, Median.of(new float[] {7, 7, 7, 7}, 4));
        float[] many = new float[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = (i * 7919) % 1001;
        }
        assertEquals(500, Median.of(many, many.length));
    }
}
