package org.netcompare.engine.linalg;

import org.netcompare.engine.parallel.Parallelism;

/**
 * The orthogonal factor {@code H_0 H_1 ... H_{count-1}} of a Householder reduction, kept as
 * groups of four reflectors in compact WY form (Golub and Van Loan, 4th ed., section 5.1.7),
 * and written out transposed: row i of the result is {@code e_i^T H_{count-1} ... H_0}.
 *
 * <p>Reflector k acts on indices {@code k + shift .. dim - 1} (shift 1 for tridiagonal and the
 * right side of a bidiagonal reduction, 0 for QR-like columns). Row i is untouched by every
 * reflector that starts after i, so each row only meets the groups at or below it; that is
 * the backward accumulation of GVL section 5.1.6, done row by row so rows run in parallel.
 */
final class ReflectorGroups {

    private static final int WIDTH = ReflectorGroupKernel.WIDTH;
    /** Rows formed by one task; a group's vectors are reused across them from cache. */
    private static final int ROW_BLOCK = 16;
    private static final ReflectorGroupKernel KERNEL = ReflectorGroupKernel.best();

    private final int count;
    private final int dim;
    private final int shift;
    private final int groups;
    private final int[] groupOffset;
    private final double[] vectors;
    private final double[] taus;
    private final double[] factors;

    /**
     * @param count reflectors H_0 .. H_{count-1}
     * @param dim   length of the vectors they act on
     * @param shift reflector k's first index is k + shift
     */
    ReflectorGroups(int count, int dim, int shift) {
        this.count = count;
        this.dim = dim;
        this.shift = shift;
        this.groups = (count + WIDTH - 1) / WIDTH;
        this.groupOffset = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            groupOffset[g + 1] = groupOffset[g] + WIDTH * groupLength(g);
        }
        this.vectors = new double[groupOffset[groups]];
        this.taus = new double[groups * WIDTH];
        this.factors = new double[groups * WIDTH * WIDTH];
    }

    int count() {
        return count;
    }

    int dim() {
        return dim;
    }

    int shift() {
        return shift;
    }

    /**
     * Stores reflector k: {@code v = (1, tail)} with the tail read at
     * {@code a[offset + i * stride]} for i = 0 .. dim - k - shift - 2, and its tau.
     */
    void set(int k, double tau, double[] a, int offset, int stride) {
        int g = k / WIDTH;
        int length = groupLength(g);
        // Column order inside a group is the order of application: highest k first.
        int base = groupOffset[g] + (WIDTH - 1 - k % WIDTH) * length;
        int first = k + shift - (g * WIDTH + shift);
        java.util.Arrays.fill(vectors, base, base + length, 0);
        vectors[base + first] = 1;
        for (int i = first + 1; i < length; i++) {
            vectors[base + i] = a[offset + (i - first - 1) * stride];
        }
        taus[g * WIDTH + WIDTH - 1 - k % WIDTH] = tau;
    }

    /** Builds every group's triangular factor; call after the last {@link #set}. */
    void finish() {
        for (int g = 0; g < groups; g++) {
            buildFactor(g);
        }
    }

    /**
     * Writes rows 0 .. rows-1 of {@code (H_0 ... H_{count-1})^T} into the row-major
     * {@code out} (rows x dim).
     */
    void formTransposed(double[] out, int rows) {
        java.util.Arrays.fill(out, 0, rows * dim, 0);
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        Parallelism.forEach(blocks, block -> {
            int from = block * ROW_BLOCK;
            int to = Math.min(rows, from + ROW_BLOCK);
            for (int i = from; i < to; i++) {
                out[i * dim + i] = 1;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int start = g * WIDTH + shift;
                int length = groupLength(g);
                double[] t = new double[WIDTH * WIDTH];
                System.arraycopy(factors, g * WIDTH * WIDTH, t, 0, t.length);
                for (int i = Math.max(from, start); i < to; i++) {
                    KERNEL.apply(out, i * dim + start, vectors, groupOffset[g], length, t);
                }
            }
        });
    }

    private int groupLength(int g) {
        return dim - (g * WIDTH + shift);
    }

    /**
     * T for {@code H_1 H_2 H_3 H_4 = I - V T V^T} (LAPACK {@code dlarft}, forward, columnwise):
     * {@code T_jj = tau_j}, {@code T(0:j, j) = -tau_j T(0:j, 0:j) V(:, 0:j)^T v_j}.
     */
    private void buildFactor(int g) {
        int length = groupLength(g);
        int base = groupOffset[g];
        int f = g * WIDTH * WIDTH;
        for (int j = 0; j < WIDTH; j++) {
            double tau = taus[g * WIDTH + j];
            factors[f + j * WIDTH + j] = tau;
            double[] z = new double[j];
            for (int i = 0; i < j; i++) {
                double dot = 0;
                for (int p = 0; p < length; p++) {
                    dot += vectors[base + i * length + p] * vectors[base + j * length + p];
                }
                z[i] = dot;
            }
            for (int i = 0; i < j; i++) {
                double sum = 0;
                for (int p = i; p < j; p++) {
                    sum += factors[f + i * WIDTH + p] * z[p];
                }
                factors[f + i * WIDTH + j] = -tau * sum;
            }
        }
    }
}
