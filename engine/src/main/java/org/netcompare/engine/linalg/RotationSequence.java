package org.netcompare.engine.linalg;

import org.netcompare.engine.parallel.Parallelism;

/**
 * A recorded sequence of plane rotations of row pairs (mostly adjacent ones), applied later to
 * the rows of a row-major matrix, as LAPACK's {@code dlasr} (Golub and Van Loan, 4th ed.,
 * section 5.1.8).
 *
 * <p>Implicit QR iterations produce rotations one at a time, but applying each one at once
 * streams two whole rows through memory for six flops per pair. Recording them and applying the
 * whole batch to one narrow column strip at a time keeps the strip (rows x {@link #STRIP}
 * doubles) in cache across thousands of rotations, and strips are independent, so they run in
 * parallel.
 */
final class RotationSequence {

    /** Columns per strip: 64 doubles per row keeps a 1000-row strip within half a megabyte. */
    private static final int STRIP = 64;
    private static final RotationKernel KERNEL = RotationKernel.best();

    private final double[] target;
    private final int cols;
    private final int[] upper;
    private final int[] lower;
    private final double[] cosines;
    private final double[] sines;
    private int size;

    /**
     * @param target row-major matrix with {@code cols} columns the rotations act on
     * @param capacity rotations held before they are applied
     */
    RotationSequence(double[] target, int cols, int capacity) {
        this.target = target;
        this.cols = cols;
        this.upper = new int[capacity];
        this.lower = new int[capacity];
        this.cosines = new double[capacity];
        this.sines = new double[capacity];
    }

    /**
     * Records the rotation of rows {@code k} and {@code k + 1}:
     * {@code (r_k, r_{k+1}) <- (c r_k + s r_{k+1}, -s r_k + c r_{k+1})}.
     */
    void add(int k, double c, double s) {
        add(k, k + 1, c, s);
    }

    /**
     * Records the rotation of any two rows:
     * {@code (r_i, r_j) <- (c r_i + s r_j, -s r_i + c r_j)}.
     */
    void add(int i, int j, double c, double s) {
        if (size == upper.length) {
            flush();
        }
        upper[size] = i;
        lower[size] = j;
        cosines[size] = c;
        sines[size] = s;
        size++;
    }

    /** Applies every recorded rotation, in order, and forgets them. */
    void flush() {
        if (size == 0) {
            return;
        }
        int strips = (cols + STRIP - 1) / STRIP;
        Parallelism.forEach(strips, strip -> KERNEL.apply(target, cols, strip * STRIP,
                Math.min(cols, (strip + 1) * STRIP), upper, lower, cosines, sines, size));
        size = 0;
    }

}
