package org.netcompare.engine.knn;

import java.util.Arrays;
import java.util.Comparator;

/** Test reference: sorts every candidate by its float64 distance, then index. */
final class BruteForceKnn {

    final int[][] indices;
    final double[][] distances;

    BruteForceKnn(float[][] queries, float[][] base, int k, boolean excludeSelf) {
        indices = new int[queries.length][];
        distances = new double[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            double[] all = new double[base.length];
            for (int b = 0; b < base.length; b++) {
                double sum = 0;
                for (int c = 0; c < base[b].length; c++) {
                    double diff = (double) queries[q][c] - base[b][c];
                    sum += diff * diff;
                }
                all[b] = sum;
            }
            int self = q;
            Integer[] order = new Integer[base.length];
            for (int b = 0; b < base.length; b++) {
                order[b] = b;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(b -> all[b])
                    .thenComparingInt(b -> b));
            indices[q] = Arrays.stream(order).mapToInt(Integer::intValue)
                    .filter(b -> !excludeSelf || b != self).limit(k).toArray();
            distances[q] = Arrays.stream(indices[q]).mapToDouble(b -> Math.sqrt(all[b])).toArray();
        }
    }
}
