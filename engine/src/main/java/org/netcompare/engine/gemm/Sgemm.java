package org.netcompare.engine.gemm;

/**
 * Single-precision general matrix multiply, row-major, BLAS conventions:
 * {@code C = alpha * op(A) * op(B) + beta * C} with op(A) m x k and op(B) k x n.
 */
public final class Sgemm {

    private Sgemm() {
    }

    /**
     * @param transA when true A is stored k x m and op(A) = A^T
     * @param transB when true B is stored n x k and op(B) = B^T
     * @param lda    distance between consecutive stored rows of A
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta,
            float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += av * bv;
                }
                int ci = cOffset + i * ldc + j;
                c[ci] = alpha * sum + (beta == 0 ? 0 : beta * c[ci]);
            }
        }
    }
}
