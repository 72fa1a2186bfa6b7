package org.netcompare.engine.gemm;

/**
 * Entry point for {@link SgemmPathSelectionTest}'s child JVMs: prints {@link
 * Sgemm#implementation()} and then C of a 2 x 3 x 2 product, so the test sees the path a JVM with
 * the given flags takes and that it computes.
 */
public final class GemmPathProbe {

    private GemmPathProbe() {
    }

    public static void main(String[] args) {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = new float[4];
        Sgemm.gemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
        System.out.println(Sgemm.implementation());
        System.out.println(c[0] + " " + c[1] + " " + c[2] + " " + c[3]);
    }
}
