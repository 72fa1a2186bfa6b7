package org.netcompare.analysis.curvature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netcompare.engine.linalg.Matrix;

/**
 * Table I of Yu, Long and Hopcroft (2018; METHODS.md section 1): the mean and the largest
 * patch dimension ({@link PatchDimension}) per network and layer over the images' patches.
 * Rows come in the order their (network, layer) first appeared.
 */
public final class DimensionTable {

    /** One (network, layer) cell: how many patches, their mean and largest dimension. */
    public record Row(String network, String layer, int count, double mean, int max) {
    }

    private final Map<List<String>, int[]> sums = new LinkedHashMap<>();

    /**
     * Adds the dimension of one patch.
     *
     * @param dimension at least 0
     */
    public void add(String network, String layer, int dimension) {
        if (network == null || layer == null || dimension < 0) {
            throw new IllegalArgumentException("a dimension table entry needs a network, a layer"
                    + " and a dimension >= 0, got " + network + ", " + layer + ", " + dimension);
        }
        // {count, sum, max}
        int[] cell = sums.computeIfAbsent(List.of(network, layer), k -> new int[3]);
        cell[0]++;
        cell[1] += dimension;
        cell[2] = Math.max(cell[2], dimension);
    }

    /**
     * Adds {@link PatchDimension#of(Matrix, double)} of {@code patch} (n x D, n at least 2) and
     * returns it.
     */
    public int addPatch(String network, String layer, Matrix patch, double fraction) {
        int dimension = PatchDimension.of(patch, fraction);
        add(network, layer, dimension);
        return dimension;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<List<String>, int[]> e : sums.entrySet()) {
            int[] cell = e.getValue();
            rows.add(new Row(e.getKey().get(0), e.getKey().get(1), cell[0],
                    (double) cell[1] / cell[0], cell[2]));
        }
        return rows;
    }
}
