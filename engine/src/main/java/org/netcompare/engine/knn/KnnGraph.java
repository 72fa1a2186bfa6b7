package org.netcompare.engine.knn;

import java.util.Arrays;

/**
 * The k nearest neighbours of each of {@code rows} points: for row i, neighbours
 * {@code neighbour(i, 0..k-1)} nearest first (equal distances in increasing index order) and
 * their distances under the search's {@link Metric}. Stored as two flat row-major arrays of {@code rows * k} entries.
 */
public final class KnnGraph {

    private final int rows;
    private final int k;
    private final int[] indices;
    private final double[] distances;

    KnnGraph(int rows, int k, int[] indices, double[] distances) {
        this.rows = rows;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** Number of points whose neighbours are listed. */
    public int rows() {
        return rows;
    }

    /** Neighbours listed per point. */
    public int k() {
        return k;
    }

    /** Index of the {@code j}-th nearest neighbour of point {@code i} (j = 0 is the nearest). */
    public int neighbour(int i, int j) {
        return indices[position(i, j)];
    }

    /** Distance (under the search's metric) from point {@code i} to its {@code j}-th nearest neighbour. */
    public double distance(int i, int j) {
        return distances[position(i, j)];
    }

    /** The neighbour indices of point {@code i}, nearest first (a copy). */
    public int[] neighbours(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " outside a graph of " + rows + " rows");
        }
        int from = i * k;
        return Arrays.copyOfRange(indices, from, from + k);
    }

    /** All neighbour indices, {@code [rows, k]} row-major (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** All neighbour distances, {@code [rows, k]} row-major (a copy). */
    public double[] distances() {
        return distances.clone();
    }

    /**
     * The graph of the {@code kPrime} nearest neighbours: the first {@code kPrime} columns, which
     * are exactly what a search with {@code kPrime} returns since both orders agree.
     */
    public KnnGraph prefix(int kPrime) {
        if (kPrime < 0 || kPrime > k) {
            throw new IllegalArgumentException("prefix of " + kPrime
                    + " neighbours from a graph of k = " + k + ": must lie in [0, " + k + "]");
        }
        if (kPrime == k) {
            return this;
        }
        int[] outIndices = new int[rows * kPrime];
        double[] outDistances = new double[rows * kPrime];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(indices, i * k, outIndices, i * kPrime, kPrime);
            System.arraycopy(distances, i * k, outDistances, i * kPrime, kPrime);
        }
        return new KnnGraph(rows, kPrime, outIndices, outDistances);
    }

    private int position(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= k) {
            throw new IndexOutOfBoundsException("neighbour (" + i + ", " + j + ") outside a graph of "
                    + rows + " rows and k = " + k);
        }
        return i * k + j;
    }

    @Override
    public String toString() {
        return "KnnGraph[" + rows + " rows, k = " + k + "]";
    }
}
