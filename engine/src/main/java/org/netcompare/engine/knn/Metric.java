package org.netcompare.engine.knn;

import java.util.Locale;

/** The distance a {@link KnnSearch} ranks neighbours by. */
public enum Metric {

    /** Euclidean distance {@code |x - y|}. */
    EUCLIDEAN,

    /**
     * Cosine distance {@code 1 - cos(x, y) = 1 - x.y / (|x| |y|)}, in [0, 2]; it equals
     * {@code |x/|x| - y/|y||^2 / 2}, half the squared Euclidean distance of the rows normalised
     * to unit length, which is how it is searched. Undefined for a zero row.
     */
    COSINE;

    /** The reported distance for a float64 squared Euclidean distance of the searched rows. */
    double fromSquared(double squaredDistance) {
        return this == COSINE ? squaredDistance / 2 : Math.sqrt(squaredDistance);
    }

    /** Lower-case name, as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
