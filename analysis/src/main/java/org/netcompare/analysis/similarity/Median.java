package org.netcompare.analysis.similarity;

/** The median of float values by selection (Hoare's FIND), in expected linear time. */
final class Median {

    private Median() {
    }

    /**
     * The median of {@code values[0, count)}, the mean of the two middle values when count is
     * even (as NumPy's {@code median}); reorders those entries.
     */
    static double of(float[] values, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("median of no values");
        }
        int upper = count / 2;
        select(values, count, upper);
        double high = values[upper];
        if (count % 2 == 1) {
            return high;
        }
        // After selection every entry left of upper is at most values[upper].
        float low = values[0];
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, values[i]);
        }
        return (low + high) / 2;
    }

    /** Puts the k-th smallest value at index k, smaller ones before it and larger ones after. */
    private static void select(float[] a, int count, int k) {
        int left = 0;
        int right = count - 1;
        while (right > left) {
            int middle = (left + right) >>> 1;
            float pivot = medianOfThree(a[left], a[middle], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private static float medianOfThree(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
