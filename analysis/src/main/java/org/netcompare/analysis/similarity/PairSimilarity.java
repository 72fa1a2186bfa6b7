package org.netcompare.analysis.similarity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netcompare.engine.linalg.Matrix;
import org.netcompare.engine.tensor.Tensor;

/**
 * The requested similarity indices of one pair of representations {@code [n, dx]} and
 * {@code [n, dy]}, sharing the work they have in common (one set of products for both linear
 * CKAs, one CCA for mean CCA and PWCCA). An index that would be meaningless on these data (CCA
 * with more dimensions than samples, debiased CKA with fewer than 4 samples) is reported as
 * missing with a warning saying why, never as a number.
 */
public final class PairSimilarity {

    /** Settings of the indices that have any. */
    public record Settings(double rbfFraction, Svcca.Directions svccaDirections) {

        /** RBF bandwidth 0.5 of the median distance, SVCCA directions to 99% of the variance. */
        public static Settings defaults() {
            return new Settings(0.5, Svcca.Directions.ofVariance(Svcca.DEFAULT_VARIANCE));
        }
    }

    /**
     * @param values   the value of each requested measure that could be computed
     * @param warnings one line per requested measure left out, naming it and why
     */
    public record Result(Map<Measure, Double> values, List<String> warnings) {
    }

    private PairSimilarity() {
    }

    /**
     * @throws IllegalArgumentException for inputs no index accepts (different sample counts, a
     *                                  side without variance, RBF kernels too large for the heap)
     */
    public static Result compute(Tensor x, Tensor y, Set<Measure> measures, Settings settings) {
        Map<Measure, Double> values = new EnumMap<>(Measure.class);
        List<String> warnings = new ArrayList<>();
        if (measures.contains(Measure.CKA) || measures.contains(Measure.CKA_DEBIASED)) {
            Cka.Linear linear = Cka.linear(x, y);
            if (measures.contains(Measure.CKA)) {
                values.put(Measure.CKA, linear.biased());
            }
            if (measures.contains(Measure.CKA_DEBIASED)) {
                if (Double.isNaN(linear.debiased())) {
                    warnings.add(Measure.CKA_DEBIASED.key() + ": left out, the unbiased HSIC"
                            + " estimate of a side is not positive with " + x.dim(0)
                            + " samples (at least 4 needed, more for a stable estimate)");
                } else {
                    values.put(Measure.CKA_DEBIASED, linear.debiased());
                }
            }
        }
        if (measures.contains(Measure.CKA_RBF)) {
            values.put(Measure.CKA_RBF, Cka.rbf(x, y, settings.rbfFraction()));
        }
        EnumSet<Measure> canonical = EnumSet.of(Measure.CCA, Measure.SVCCA, Measure.PWCCA);
        canonical.retainAll(measures);
        if (canonical.isEmpty()) {
            return new Result(values, warnings);
        }
        Matrix mx = toMatrix(x);
        Matrix my = toMatrix(y);
        if (measures.contains(Measure.CCA) || measures.contains(Measure.PWCCA)) {
            try {
                Cca cca = Cca.of(mx, my);
                if (measures.contains(Measure.CCA)) {
                    values.put(Measure.CCA, cca.mean());
                }
                if (measures.contains(Measure.PWCCA)) {
                    values.put(Measure.PWCCA, cca.pwcca());
                }
            } catch (DegenerateCcaException degenerate) {
                EnumSet<Measure> lost = EnumSet.of(Measure.CCA, Measure.PWCCA);
                lost.retainAll(measures);
                for (Measure measure : lost) {
                    warnings.add(measure.key() + ": left out; " + degenerate.getMessage());
                }
            }
        }
        if (measures.contains(Measure.SVCCA)) {
            try {
                values.put(Measure.SVCCA,
                        Svcca.similarity(mx, my, settings.svccaDirections()));
            } catch (DegenerateCcaException degenerate) {
                warnings.add(Measure.SVCCA.key() + ": left out; " + degenerate.getMessage());
            }
        }
        return new Result(values, warnings);
    }

    /** A float32 {@code [n, d]} tensor as a float64 matrix, for the decompositions of CCA. */
    private static Matrix toMatrix(Tensor points) {
        Tensor dense = points.contiguous();
        int n = dense.dim(0);
        int d = dense.dim(1);
        Matrix out = Matrix.zeros(n, d);
        float[] source = dense.data();
        int base = dense.offset();
        double[] target = out.data();
        for (int i = 0; i < n * d; i++) {
            target[i] = source[base + i];
        }
        return out;
    }
}
