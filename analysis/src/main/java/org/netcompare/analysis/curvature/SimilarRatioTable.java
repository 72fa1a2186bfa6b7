package org.netcompare.analysis.curvature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table III of Yu, Long and Hopcroft (2018; METHODS.md section 1): per layer, the share of
 * images whose similar ratio r0 ({@link SimilarRatio}) lies in [{@link #LOW}, {@link #HIGH}],
 * separately for the Riemann-tensor and the sectional-curvature distributions. Rows come in the
 * order their layer first appeared.
 */
public final class SimilarRatioTable {

    /** The paper's band of "similar" curvature, bounds included. */
    public static final double LOW = 0.8;
    public static final double HIGH = 1.2;

    /** One layer: images counted, and the shares (in [0, 1]) with r0 inside the band. */
    public record Row(String layer, int count, double riemannShare, double sectionalShare) {
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    /** Adds one image's two similar ratios at {@code layer}; both must be finite. */
    public void add(String layer, double riemannRatio, double sectionalRatio) {
        if (layer == null || !Double.isFinite(riemannRatio) || !Double.isFinite(sectionalRatio)) {
            throw new IllegalArgumentException("a similar ratio table entry needs a layer and two"
                    + " finite ratios, got " + layer + ", " + riemannRatio + ", "
                    + sectionalRatio);
        }
        // {images, Riemann inside, sectional inside}
        int[] cell = counts.computeIfAbsent(layer, k -> new int[3]);
        cell[0]++;
        cell[1] += inside(riemannRatio) ? 1 : 0;
        cell[2] += inside(sectionalRatio) ? 1 : 0;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] cell = e.getValue();
            rows.add(new Row(e.getKey(), cell[0], (double) cell[1] / cell[0],
                    (double) cell[2] / cell[0]));
        }
        return rows;
    }

    private static boolean inside(double ratio) {
        return ratio >= LOW && ratio <= HIGH;
    }
}
