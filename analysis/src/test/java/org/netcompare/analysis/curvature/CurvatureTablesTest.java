package org.netcompare.analysis.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class CurvatureTablesTest {

    @Test
    void dimensionTableAveragesAndMaximisesPerNetworkAndLayer() {
        DimensionTable table = new DimensionTable();
        table.add("a", "fc6", 12);
        table.add("a", "fc7", 10);
        table.add("a", "fc6", 11);
        table.add("b", "fc6", 14);
        table.add("a", "fc6", 13);
        List<DimensionTable.Row> rows = table.rows();
        assertEquals(List.of(new DimensionTable.Row("a", "fc6", 3, 12.0, 13),
                new DimensionTable.Row("a", "fc7", 1, 10.0, 10),
                new DimensionTable.Row("b", "fc6", 1, 14.0, 14)), rows);
    }

    /** Gaussian points on a planted 2-plane of R^6 (no noise): dimension 2 at 0.9. */
    @Test
    void dimensionTableTakesPatches() {
        Random random = new Random(3);
        Matrix latent = Matrix.zeros(50, 2);
        for (int i = 0; i < latent.data().length; i++) {
            latent.data()[i] = random.nextGaussian();
        }
        DimensionTable table = new DimensionTable();
        assertEquals(2, table.addPatch("a", "fc8", Patches.rotateInto(latent, 6, 4), 0.9));
        assertEquals(new DimensionTable.Row("a", "fc8", 1, 2.0, 2), table.rows().get(0));
    }

    @Test
    void similarRatioTableCountsTheClosedBand() {
        SimilarRatioTable table = new SimilarRatioTable();
        table.add("fc6", 0.8, 0.79);
        table.add("fc6", 1.2, 1.21);
        table.add("fc6", 1.0, 1.0);
        table.add("fc6", -1.0, 0.5);
        table.add("fc7", 3.0, 0.9);
        assertEquals(List.of(new SimilarRatioTable.Row("fc6", 4, 0.75, 0.25),
                new SimilarRatioTable.Row("fc7", 1, 0.0, 1.0)), table.rows());
    }

    @Test
    void badEntriesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DimensionTable().add("a", "fc6", -1));
        assertThrows(IllegalArgumentException.class,
                () -> new SimilarRatioTable().add("fc6", Double.NaN, 1));
    }
}
