package org.netcompare.engine.gemm;

import org.netcompare.engine.simd.VectorSupport;

/**
 * Single-precision general matrix multiply, row-major, BLAS conventions:
 * {@code C = alpha * op(A) * op(B) + beta * C} with op(A) m x k and op(B) k x n.
 *
 * <p>Cache-blocked, packed and register-tiled after Goto and van de Geijn, "Anatomy of
 * High-Performance Matrix Multiplication" (ACM TOMS 34(3), 2008), multithreaded through
 * {@link org.netcompare.engine.parallel.Parallelism}. The micro-kernel uses the incubator Vector
 * API when the JVM was started with {@code --add-modules jdk.incubator.vector}, and plain Java
 * otherwise, or when {@code netcompare.scalar=true} or {@code netcompare.gemm.scalar=true} is
 * set ({@link VectorSupport}); {@link #implementation()} names the path taken.
 *
 * <p>Calls may come from several threads at once (packing buffers are per thread). A call with
 * fewer than 128 * 128 * 512 multiply-adds per rank-512 step (m * n * min(k, 512)) runs on the
 * calling thread; larger ones use {@link org.netcompare.engine.parallel.Parallelism#threads()}
 * workers, and their result does not depend on that number, bit for bit.
 */
public final class Sgemm {

    private static final MicroKernel SCALAR = new ScalarKernel();
    /** Linked through a lambda, not a method reference, so only calling it loads the class. */
    private static final MicroKernel VECTOR =
            VectorSupport.link(() -> VectorKernel.forThisMachine());
    private static final MicroKernel ACTIVE =
            VectorSupport.choose("netcompare.gemm.scalar", () -> VECTOR, () -> SCALAR);

    private Sgemm() {
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, C m x n at {@code c[cOffset + i * ldc + j]}.
     * beta == 0 overwrites C without reading it; alpha == 0 or k == 0 only scales C by beta and
     * reads neither A nor B.
     *
     * @param transA when true A is stored k x m and op(A) = A^T, else A is stored m x k
     * @param transB when true B is stored n x k and op(B) = B^T, else B is stored k x n
     * @param lda    distance between consecutive stored rows of A, at least its stored columns
     * @param ldb    distance between consecutive stored rows of B, at least its stored columns
     * @param ldc    distance between consecutive rows of C, at least n
     * @throws IllegalArgumentException for a negative size or offset, a leading dimension below
     *                                  the stored row length, or an array too short for its view
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta,
            float[] c, int cOffset, int ldc) {
        gemm(ACTIVE, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
                cOffset, ldc);
    }

    /**
     * The micro-kernel in use: {@code "vector (512-bit, 16 lanes)"} or similar for the Vector API
     * path, {@code "scalar"} for plain Java.
     */
    public static String implementation() {
        return describe(ACTIVE);
    }

    /** {@link #gemm} with an explicit kernel, so tests can run both paths in one JVM. */
    static void gemm(MicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
            float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
            float beta, float[] c, int cOffset, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(
                    "sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
        }
        checkView("A", a, aOffset, lda, transA ? k : m, transA ? m : k);
        checkView("B", b, bOffset, ldb, transB ? n : k, transB ? k : n);
        checkView("C", c, cOffset, ldc, m, n);
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0 || k == 0) {
            scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        BlockedGemm.multiply(kernel, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset,
                ldb, beta, c, cOffset, ldc);
    }

    /** The Vector API kernel, or null when this JVM cannot run it. */
    static MicroKernel vectorKernel() {
        return VECTOR;
    }

    /** The plain-Java kernel. */
    static MicroKernel scalarKernel() {
        return SCALAR;
    }

    static String describe(MicroKernel kernel) {
        return kernel == VECTOR && VECTOR != null
                ? "vector (" + VectorKernel.bits() + "-bit, " + VectorKernel.lanes() + " lanes)"
                : "scalar";
    }

    private static void checkView(String name, float[] array, int offset, int ld, int rows,
            int cols) {
        if (array == null) {
            throw new IllegalArgumentException("matrix " + name + " is null");
        }
        if (offset < 0) {
            throw new IllegalArgumentException(
                    "offset of " + name + " must be non-negative, got " + offset);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld
                    + ", below its " + cols + " stored columns");
        }
        if (rows > 0 && cols > 0) {
            long end = offset + (long) (rows - 1) * ld + cols;
            if (end > array.length) {
                throw new IllegalArgumentException(name + " view of " + rows + " x " + cols
                        + " at offset " + offset + " with leading dimension " + ld + " needs "
                        + end + " elements, array has " + array.length);
            }
        }
    }

    private static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0 ? 0f : beta * c[row + j];
            }
        }
    }
}
