package org.netcompare.analysis.cli;

import java.util.List;
import java.util.TreeSet;

/** Checks shared by the topology commands. */
final class TopologyOptions {

    private TopologyOptions() {
    }

    /** The distinct k values, ascending; each must be at least 1 (the upper bound is per file). */
    static TreeSet<Integer> checkedKs(List<Integer> ks) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int k : ks) {
            if (k < 1) {
                throw new InvalidInputException("--k must be at least 1, got " + k);
            }
            values.add(k);
        }
        if (values.isEmpty()) {
            throw new InvalidInputException("--k needs at least one value");
        }
        return values;
    }
}
