package org.netcompare.analysis.topology;

import java.util.List;

/**
 * Nearest-neighbour topological persistence counts (METHODS.md section 4): cell
 * {@code (first, last)} is the number of edge runs that start at layer {@code first} and last
 * appear at layer {@code last}; the diagonal holds transient edges, everything below it is zero.
 */
public final class PersistenceTable {

    private final List<String> names;
    private final int k;
    private final int alpha;
    private final long[][] counts;

    PersistenceTable(List<String> names, int k, int alpha, long[][] counts) {
        this.names = List.copyOf(names);
        this.k = k;
        this.alpha = alpha;
        this.counts = counts;
    }

    /** Layer names, the order of both table axes. */
    public List<String> names() {
        return names;
    }

    public int k() {
        return k;
    }

    /** The most contiguous layers an edge may be missing from and still persist. */
    public int alpha() {
        return alpha;
    }

    public int size() {
        return counts.length;
    }

    /** Runs that start at layer {@code first} and last appear at layer {@code last}. */
    public long count(int first, int last) {
        return counts[first][last];
    }

    /** The whole table, {@code [first][last]} (a copy). */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
