package org.netcompare.analysis.cli;

import java.util.Locale;
import org.netcompare.engine.knn.KnnSearch;
import org.netcompare.engine.knn.Metric;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --metric euclidean|cosine} flag of the commands that search kNN graphs. */
final class MetricOption {

    @Option(names = "--metric", defaultValue = "euclidean", paramLabel = "euclidean|cosine",
            converter = MetricConverter.class,
            description = "Distance the neighbours are found by; cosine is 1 - cos(x, y) and"
                    + " refuses all-zero samples (default: ${DEFAULT-VALUE}).")
    Metric metric;

    /** The exact search under the chosen metric. */
    KnnSearch search() {
        return KnnSearch.of(metric);
    }

    /** Reads the lower-case names that {@link Metric#label()} writes. */
    static final class MetricConverter implements ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            for (Metric metric : Metric.values()) {
                if (metric.label().equals(value.toLowerCase(Locale.ROOT))) {
                    return metric;
                }
            }
            throw new TypeConversionException("'" + value
                    + "' is not a metric; expected euclidean or cosine");
        }
    }
}
