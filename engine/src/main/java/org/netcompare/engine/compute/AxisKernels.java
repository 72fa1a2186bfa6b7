package org.netcompare.engine.compute;

import java.util.Arrays;
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

    /** Narrowest column block worth a task of its own (1 KiB of each row). */
    private static final int MIN_COLUMNS = 256;

    private final DenseLoops loops;

    AxisKernels(DenseLoops loops) {
        this.loops = loops;
    }

    /** The part of the work one task does: rows o and columns [from, to). */
    private interface Block {
        void run(int o, int from, int to);
    }

    /**
     * Cuts outer x inner into blocks of about {@link StridedLoop#GRAIN} input elements and runs
     * them through {@link Parallelism}. Rows (outer) are shared out first; only when there are
     * fewer rows than threads are columns cut too, into as few blocks as keep every thread busy
     * and at least {@link #MIN_COLUMNS} wide, since each block streams through every row.
     * Results do not depend on the number of threads: a block never splits the reduced axis.
     */
    private static void split(int outer, int length, int inner, Block block) {
        if (outer == 0 || inner == 0) {
            return;
        }
        int threads = Parallelism.threads();
        long work = (long) outer * Math.max(1, length) * inner;
        int wanted = (int) Math.min(4L * threads, Math.max(1, work / StridedLoop.GRAIN));
        int width = inner;
        if (outer < threads && wanted > 1) {
            int perRow = (threads + outer - 1) / outer;
            width = Math.min(inner, Math.max(MIN_COLUMNS, (inner + perRow - 1) / perRow));
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

    void reduce(Reduction reduction, float[] x, int offset, int outer, int length,
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
    void softmax(boolean log, float[] x, int offset, int outer, int length, int inner,
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

    private float reduceRow(Reduction reduction, float[] x, int start, int n) {
        return switch (reduction) {
            case SUM -> (float) loops.sum(x, start, n);
            case MEAN -> (float) (loops.sum(x, start, n) / n);
            case MAX -> loops.max(x, start, n);
            case MIN -> loops.min(x, start, n);
            case LOG_SUM_EXP -> {
                float m = n == 0 ? Float.NEGATIVE_INFINITY : loops.max(x, start, n);
                yield (float) shiftedLog(m, loops.sumExp(x, start, m, n));
            }
        };
    }

    /**
     * m + log(s) for the shifted sum s of exponentials; an infinite or NaN maximum is the answer
     * itself (all -infinity gives -infinity rather than the NaN of -inf - -inf).
     */
    private static double shiftedLog(float max, double shiftedSum) {
        return Float.isFinite(max) ? max + Math.log(shiftedSum) : max;
    }

    private void reduceColumns(Reduction reduction, float[] x, int start, int length,
            int inner, int from, int to, float[] y, int out) {
        int width = to - from;
        switch (reduction) {
            case SUM, MEAN -> {
                ColumnSums sums = new ColumnSums(loops, width);
                for (int l = 0; l < length; l++) {
                    sums.add(x, start + l * inner + from);
                }
                double divisor = reduction == Reduction.MEAN ? length : 1;
                double[] total = sums.total();
                for (int j = 0; j < width; j++) {
                    y[out + from + j] = (float) (total[j] / divisor);
                }
            }
            case MAX, MIN -> {
                BinaryOp op = reduction == Reduction.MAX ? BinaryOp.MAX : BinaryOp.MIN;
                float[] m = columnExtremes(op, x, start, length, inner, from, width);
                System.arraycopy(m, 0, y, out + from, width);
            }
            case LOG_SUM_EXP -> {
                float[] m = columnExtremes(BinaryOp.MAX, x, start, length, inner, from, width);
                double[] s = columnSumExp(x, start, length, inner, from, m);
                for (int j = 0; j < width; j++) {
                    y[out + from + j] = (float) shiftedLog(m[j], s[j]);
                }
            }
        }
    }

    /**
     * Column sums built one row at a time: up to {@link #ROWS_IN_FLOAT} rows are added in float
     * with the dense loops, then that partial sum is added in double. Each value then passes
     * through at most 64 float roundings (worst case 64 * 2^-24 = 4e-6 of the magnitudes
     * summed, typically 8 * 2^-24) however long the axis, where a plain float sum over n rows
     * risks n * 2^-24. Flushing every 64 rather than every 16 rows saves a fifth of the time of
     * a column sum over a 4096 x 1024 matrix.
     */
    private static final class ColumnSums {
        private static final int ROWS_IN_FLOAT = 64;
        private final DenseLoops loops;
        private final double[] total;
        private final float[] partial;
        private int rows;

        ColumnSums(DenseLoops loops, int width) {
            this.loops = loops;
            total = new double[width];
            partial = new float[width];
        }

        void add(float[] row, int offset) {
            if (rows == 0) {
                System.arraycopy(row, offset, partial, 0, partial.length);
            } else {
                loops.binary(BinaryOp.ADD, partial, 0, row, offset, partial, 0, partial.length);
            }
            if (++rows == ROWS_IN_FLOAT) {
                flush();
            }
        }

        double[] total() {
            flush();
            return total;
        }

        private void flush() {
            if (rows > 0) {
                for (int j = 0; j < total.length; j++) {
                    total[j] += partial[j];
                }
                rows = 0;
            }
        }
    }

    /** Column maxima (op MAX) or minima (MIN) of rows [0, length); -infinity when empty. */
    private float[] columnExtremes(BinaryOp op, float[] x, int start, int length,
            int inner, int from, int width) {
        float[] m = new float[width];
        if (length == 0) {
            Arrays.fill(m, Float.NEGATIVE_INFINITY);
            return m;
        }
        System.arraycopy(x, start + from, m, 0, width);
        for (int l = 1; l < length; l++) {
            loops.binary(op, m, 0, x, start + l * inner + from, m, 0, width);
        }
        return m;
    }

    /** Column sums of e^(x - shift) over rows [0, length), shift one value per column. */
    private double[] columnSumExp(float[] x, int start, int length, int inner, int from,
            float[] shift) {
        int width = shift.length;
        float[] row = new float[width];
        ColumnSums sums = new ColumnSums(loops, width);
        for (int l = 0; l < length; l++) {
            loops.binary(BinaryOp.SUB, x, start + l * inner + from, shift, 0, row, 0, width);
            loops.unary(UnaryOp.EXP, row, 0, row, 0, width);
            sums.add(row, 0);
        }
        return sums.total();
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

    /**
     * Softmax as e^(x - m) scaled by the reciprocal of its sum; log-softmax as (x - m) - log s,
     * subtracting the maximum first so the small log s is the only rounded term.
     */
    private void softmaxRow(boolean log, float[] x, int start, int n, float[] y,
            int out) {
        if (n == 0) {
            return;
        }
        float m = loops.max(x, start, n);
        if (log) {
            float logSum = (float) Math.log(loops.sumExp(x, start, m, n));
            loops.affine(x, start, 1f, -m, y, out, n);
            loops.affine(y, out, 1f, -logSum, y, out, n);
            return;
        }
        double s = loops.expInto(x, start, m, y, out, n);
        loops.affine(y, out, (float) (1 / s), 0f, y, out, n);
    }

    private void softmaxColumns(boolean log, float[] x, int start, int length, int inner,
            int from, int to, float[] y, int out) {
        if (length == 0) {
            return;
        }
        int width = to - from;
        float[] m = columnExtremes(BinaryOp.MAX, x, start, length, inner, from, width);
        if (log) {
            double[] s = columnSumExp(x, start, length, inner, from, m);
            float[] logSum = new float[width];
            for (int j = 0; j < width; j++) {
                logSum[j] = (float) Math.log(s[j]);
            }
            for (int l = 0; l < length; l++) {
                int row = l * inner + from;
                loops.binary(BinaryOp.SUB, x, start + row, m, 0, y, out + row, width);
                loops.binary(BinaryOp.SUB, y, out + row, logSum, 0, y, out + row, width);
            }
            return;
        }
        ColumnSums sums = new ColumnSums(loops, width);
        for (int l = 0; l < length; l++) {
            int row = l * inner + from;
            loops.binary(BinaryOp.SUB, x, start + row, m, 0, y, out + row, width);
            loops.unary(UnaryOp.EXP, y, out + row, y, out + row, width);
            sums.add(y, out + row);
        }
        double[] s = sums.total();
        float[] scale = new float[width];
        for (int j = 0; j < width; j++) {
            scale[j] = (float) (1 / s[j]);
        }
        for (int l = 0; l < length; l++) {
            int row = out + l * inner + from;
            loops.binary(BinaryOp.MUL, y, row, scale, 0, y, row, width);
        }
    }
}
