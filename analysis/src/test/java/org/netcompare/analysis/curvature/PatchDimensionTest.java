package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netcompare.engine.linalg.Matrix;

class PatchDimensionTest {

    /**
     * 500 points with unit variance along d planted directions of R^20, plus noise of standard
     * deviation 0.01 on every axis. The planted directions hold all but 20 * 1e-4 / d of the
     * variance and d - 1 of them hold (d - 1) / d &lt;= 0.8 &lt; 0.9, so the answer is d.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void findsTheDimensionOfANoisyPlantedPlane(int d) {
        Random random = new Random(40 + d);
        Matrix latent = Matrix.zeros(500, d);
        for (int i = 0; i < latent.data().length; i++) {
            latent.data()[i] = random.nextGaussian();
        }
        Matrix patch = Patches.rotateInto(latent, 20, 50 + d);
        for (int i = 0; i < patch.data().length; i++) {
            patch.data()[i] += 0.01 * random.nextGaussian();
        }
        assertEquals(d, PatchDimension.of(patch));
        assertEquals(20, PatchDimension.of(patch, 1.0));
    }
}
