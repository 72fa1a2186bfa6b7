package org.netcompare.engine.compute;

import org.netcompare.engine.parallel.Parallelism;

/**
 * Reductions, argmax and softmax along one axis of densely packed data, seen as
 * {@code [outer, length, inner]} with the axis in the middle: element (o, l, i) lies at
 * {@code offset + (o * length + l) * inner + i}, and result (o, i) at
 * {@code outOffset + o * inner + i}.
 *
 * <p>When inner is 1 (the last axis) each result is a tight loop over a contiguous row; otherwise
 * whole rows of inner values are combined into per-column accumulators, so the inner loop still
 * runs over contiguous memory. Sums (of values and of exponentials) accumulate in double, at
 * most after short float partial sums: plain float accumulation over an axis of length n errs
 * by up to n eps of the magnitudes summed, which for the long axes of activation matrices
 * (tens of thousands of samples) is visible in the fourth digit; double accumulation keeps the
 * result within a few float roundings at any length.
 */
final class AxisKernels {

    /** Rows a column sum adds in float before it moves the partial sum to double. */
    private static final int ROWS_IN_FLOAT = 16;

    private AxisKernels() {
    }

    /** The part of the work one task does: rows o and columns [from, to). */
    private interface Block {
        void run(int o, int from, int to);
    }

    /**
     * Cuts outer x inner into blocks of about {@link StridedLoop#GRAIN} input elements and runs
     * them through {@link Parallelism}; when outer alone gives too few blocks, columns are cut
     * too (at multiples of 64, so blocks stay cache-line aligned).
     */
    private static void split(int outer, int length, int inner, Block block) {
        if (outer == 0 || inner == 0) {
            return;
        }
        long work = (long) outer * Math.max(1, length) * inner;
        int wanted = (int) Math.min(4L * Parallelism.threads(),
                Math.max(1, work / StridedLoop.GRAIN));
        int width = inner;
        if (outer < wanted && inner > 64) {
            int perRow = (wanted + outer - 1) / outer;
            width = Math.max(64, (inner / perRow + 63) / 64 * 64);
        }
        int columnBlocks = (inner + width - 1) / width;
        long units = (long) outer * columnBlocks;
        int tasks = (int) Math.min(units, wanted);
        int w = width;
        Parallelism.forEach(tasks, t -> {
            long end = (t + 1) * units / tasks;
            for (long u = t * units / tasks; u < end; u++) {
                int o = (int) (u / columnBlocks);
                int from = (int) (u % columnBlocks) * w;
                block.run(o, from, Math.min(inner, from + w));
            }
        });
    }

    static void reduce(Reduction reduction, float[] x, int offset, int outer, int length,
            int inner, float[] y, int outOffset) {
        split(outer, length, inner, (o, from, to) -> {
            int start = offset + o * length * inner;
            int out = outOffset + o * inner;
            if (inner == 1) {
                y[out] = reduceRow(reduction, x, start, length);
            } else {
                reduceColumns(reduction, x, start, length, inner, from, to, y, out);
            }
        });
    }

    static void argmax(float[] x, int offset, int outer, int length, int inner, int[] y) {
        split(outer, length, inner, (o, from, to) -> {
            int start = offset + o * length * inner;
            if (inner == 1) {
                y[o] = argmaxRow(x, start, length);
            } else {
                argmaxColumns(x, start, length, inner, from, to, y, o * inner);
            }
        });
    }

    /** Softmax, or its logarithm when {@code log} is set, along the middle axis. */
    static void softmax(boolean log, float[] x, int offset, int outer, int length, int inner,
            float[] y, int outOffset) {
        split(outer, length, inner, (o, from, to) -> {
            int start = o * length * inner;
            if (inner == 1) {
                softmaxRow(log, x, offset + start, length, y, outOffset + start);
            } else {
                softmaxColumns(log, x, offset + start, length, inner, from, to, y,
                        outOffset + start);
            }
        });
    }

    private static float reduceRow(Reduction reduction, float[] x, int start, int n) {
        return switch (reduction) {
            case SUM -> (float) sum(x, start, n);
            case MEAN -> (float) (sum(x, start, n) / n);
            case MAX -> max(x, start, n);
            case MIN -> {
                float m = x[start];
                for (int l = 1; l < n; l++) {
                    m = Math.min(m, x[start + l]);
                }
                yield m;
            }
            case LOG_SUM_EXP -> {
                float m = n == 0 ? Float.NEGATIVE_INFINITY : max(x, start, n);
                yield (float) shiftedLog(m, ExpLoops.best().sumExp(x, start, m, n));
            }
        };
    }

    /** Sum in double with four accumulators, so the adds do not wait on one another. */
    private static double sum(float[] x, int start, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int l = 0;
        for (; l + 3 < n; l += 4) {
            s0 += x[start + l];
            s1 += x[start + l + 1];
            s2 += x[start + l + 2];
            s3 += x[start + l + 3];
        }
        for (; l < n; l++) {
            s0 += x[start + l];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static float max(float[] x, int start, int n) {
        float m = x[start];
        for (int l = 1; l < n; l++) {
            m = Math.max(m, x[start + l]);
        }
        return m;
    }

    /**
     * m + log(s) for the shifted sum s of exponentials; an infinite or NaN maximum is the answer
     * itself (all -infinity gives -infinity rather than the NaN of -inf - -inf).
     */
    private static double shiftedLog(float max, double shiftedSum) {
        return Float.isFinite(max) ? max + Math.log(shiftedSum) : max;
    }

    private static void reduceColumns(Reduction reduction, float[] x, int start, int length,
            int inner, int from, int to, float[] y, int out) {
        int width = to - from;
        switch (reduction) {
            case SUM, MEAN -> {
                double[] acc = columnSums(x, start, length, inner, from, width);
                double divisor = reduction == Reduction.MEAN ? length : 1;
                for (int j = 0; j < width; j++) {
                    y[out + from + j] = (float) (acc[j] / divisor);
                }
            }
            case MAX, MIN -> {
                float[] m = columnExtremes(reduction == Reduction.MAX, x, start, length, inner,
                        from, width);
                System.arraycopy(m, 0, y, out + from, width);
            }
            case LOG_SUM_EXP -> {
                float[] m = columnExtremes(true, x, start, length, inner, from, width);
                double[] s = columnSumExp(x, start, length, inner, from, m);
                for (int j = 0; j < width; j++) {
                    y[out + from + j] = (float) shiftedLog(m[j], s[j]);
                }
            }
        }
    }

    /**
     * Column sums of rows [0, length): {@link #ROWS_IN_FLOAT} rows at a time are added in float,
     * a loop the JIT vectorizes, and each such partial sum is then added in double. The float
     * part rounds at most 16 times per value, so the result stays within about 16 eps of the
     * magnitudes summed however long the axis.
     */
    private static double[] columnSums(float[] x, int start, int length, int inner, int from,
            int width) {
        double[] acc = new double[width];
        float[] partial = new float[width];
        for (int l0 = 0; l0 < length; l0 += ROWS_IN_FLOAT) {
            int l1 = Math.min(length, l0 + ROWS_IN_FLOAT);
            System.arraycopy(x, start + l0 * inner + from, partial, 0, width);
            for (int l = l0 + 1; l < l1; l++) {
                int row = start + l * inner + from;
                for (int j = 0; j < width; j++) {
                    partial[j] += x[row + j];
                }
            }
            for (int j = 0; j < width; j++) {
                acc[j] += partial[j];
            }
        }
        return acc;
    }

    /** Column maxima (or minima) of rows [0, length); -infinity columns when length is 0. */
    private static float[] columnExtremes(boolean max, float[] x, int start, int length,
            int inner, int from, int width) {
        float[] m = new float[width];
        if (length == 0) {
            java.util.Arrays.fill(m, Float.NEGATIVE_INFINITY);
            return m;
        }
        System.arraycopy(x, start + from, m, 0, width);
        for (int l = 1; l < length; l++) {
            int row = start + l * inner + from;
            if (max) {
                for (int j = 0; j < width; j++) {
                    m[j] = Math.max(m[j], x[row + j]);
                }
            } else {
                for (int j = 0; j < width; j++) {
                    m[j] = Math.min(m[j], x[row + j]);
                }
            }
        }
        return m;
    }

    private static double[] columnSumExp(float[] x, int start, int length, int inner, int from,
            float[] shift) {
        double[] s = new double[shift.length];
        for (int l = 0; l < length; l++) {
            int row = start + l * inner + from;
            for (int j = 0; j < s.length; j++) {
                s[j] += Math.exp(x[row + j] - (double) shift[j]);
            }
        }
        return s;
    }

    /** First index of the maximum; the first NaN wins, as in NumPy. */
    private static int argmaxRow(float[] x, int start, int n) {
        float best = x[start];
        if (best != best) {
            return 0;
        }
        int index = 0;
        for (int l = 1; l < n; l++) {
            float v = x[start + l];
            if (v > best) {
                best = v;
                index = l;
            } else if (v != v) {
                return l;
            }
        }
        return index;
    }

    private static void argmaxColumns(float[] x, int start, int length, int inner, int from,
            int to, int[] y, int out) {
        int width = to - from;
        float[] best = new float[width];
        int[] index = new int[width];
        System.arraycopy(x, start + from, best, 0, width);
        for (int l = 1; l < length; l++) {
            int row = start + l * inner + from;
            for (int j = 0; j < width; j++) {
                float v = x[row + j];
                float b = best[j];
                if (v > b || (v != v && b == b)) {
                    best[j] = v;
                    index[j] = l;
                }
            }
        }
        System.arraycopy(index, 0, y, out + from, width);
    }

    private static void softmaxRow(boolean log, float[] x, int start, int n, float[] y,
            int out) {
        if (n == 0) {
            return;
        }
        float m = max(x, start, n);
        if (log) {
            double shift = m + Math.log(ExpLoops.best().sumExp(x, start, m, n));
            for (int l = 0; l < n; l++) {
                y[out + l] = (float) (x[start + l] - shift);
            }
            return;
        }
        double s = ExpLoops.best().expInto(x, start, m, y, out, n);
        float scale = (float) (1 / s);
        for (int l = 0; l < n; l++) {
            y[out + l] *= scale;
        }
    }

    private static void softmaxColumns(boolean log, float[] x, int start, int length, int inner,
            int from, int to, float[] y, int out) {
        if (length == 0) {
            return;
        }
        int width = to - from;
        float[] m = columnExtremes(true, x, start, length, inner, from, width);
        if (log) {
            double[] s = columnSumExp(x, start, length, inner, from, m);
            double[] shift = new double[width];
            for (int j = 0; j < width; j++) {
                shift[j] = m[j] + Math.log(s[j]);
            }
            for (int l = 0; l < length; l++) {
                int row = l * inner + from;
                for (int j = 0; j < width; j++) {
                    y[out + row + j] = (float) (x[start + row + j] - shift[j]);
                }
            }
            return;
        }
        double[] s = new double[width];
        for (int l = 0; l < length; l++) {
            int row = l * inner + from;
            for (int j = 0; j < width; j++) {
                float e = (float) Math.exp(x[start + row + j] - (double) m[j]);
                y[out + row + j] = e;
                s[j] += e;
            }
        }
        float[] scale = new float[width];
        for (int j = 0; j < width; j++) {
            scale[j] = (float) (1 / s[j]);
        }
        for (int l = 0; l < length; l++) {
            int row = out + l * inner + from;
            for (int j = 0; j < width; j++) {
                y[row + j] *= scale[j];
            }
        }
    }
}
