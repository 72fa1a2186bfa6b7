package org.netcompare.engine.gemm;

/**
 * The final update of one C element, {@code C = alpha * s + beta * C}, used for the scalar
 * kernel's tiles and the vector kernel's edge tiles so both round exactly as the vector update:
 * alpha * s is rounded, then beta * C (rounded) is added; beta == 1 skips the multiply, beta == 0
 * never reads C, so NaN or Inf there is overwritten as BLAS specifies.
 */
final class TileUpdate {

    private TileUpdate() {
    }

    /** Sets {@code c[index] = alpha * sum + beta * c[index]} with the roundings above. */
    static void store(float[] c, int index, float sum, float alpha, float beta) {
        float scaled = alpha * sum;
        if (beta == 0) {
            c[index] = scaled;
        } else if (beta == 1) {
            c[index] += scaled;
        } else {
            c[index] = beta * c[index] + scaled;
        }
    }
}
