package org.netcompare.engine.linalg;

/**
 * {@link ReflectorKernel} in plain Java, for any width: the fallback without the Vector API and
 * the remainder columns beside it. Inner loops run along rows of C and W so that the JIT
 * vectorises them; four rows (or four columns of V) per pass save loads and stores of W (or C).
 */
final class ScalarReflectorKernel implements ReflectorKernel {

    @Override
    public int columnStep() {
        return 1;
    }

    @Override
    public void accumulate(double[] v, int vOffset, int k, int rows, double[] c, int cOffset,
            int ldc, double[] w, int wOffset, int ldw, int width) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int c0 = cOffset + r * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            int v0 = vOffset + r * k;
            for (int p = 0; p < k; p++) {
                double a0 = v[v0 + p];
                double a1 = v[v0 + k + p];
                double a2 = v[v0 + 2 * k + p];
                double a3 = v[v0 + 3 * k + p];
                int wp = wOffset + p * ldw;
                for (int j = 0; j < width; j++) {
                    w[wp + j] += a0 * c[c0 + j] + a1 * c[c1 + j] + a2 * c[c2 + j]
                            + a3 * c[c3 + j];
                }
            }
        }
        for (; r < rows; r++) {
            int c0 = cOffset + r * ldc;
            for (int p = 0; p < k; p++) {
                double a0 = v[vOffset + r * k + p];
                int wp = wOffset + p * ldw;
                for (int j = 0; j < width; j++) {
                    w[wp + j] += a0 * c[c0 + j];
                }
            }
        }
    }

    @Override
    public void subtract(double[] v, int vOffset, int k, int rows, double[] c, int cOffset,
            int ldc, double[] w, int wOffset, int ldw, int width) {
        for (int r = 0; r < rows; r++) {
            int cr = cOffset + r * ldc;
            int vr = vOffset + r * k;
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                double b0 = v[vr + p];
                double b1 = v[vr + p + 1];
                double b2 = v[vr + p + 2];
                double b3 = v[vr + p + 3];
                int w0 = wOffset + p * ldw;
                int w1 = w0 + ldw;
                int w2 = w1 + ldw;
                int w3 = w2 + ldw;
                for (int j = 0; j < width; j++) {
                    c[cr + j] -= b0 * w[w0 + j] + b1 * w[w1 + j] + b2 * w[w2 + j]
                            + b3 * w[w3 + j];
                }
            }
            for (; p < k; p++) {
                double b0 = v[vr + p];
                int w0 = wOffset + p * ldw;
                for (int j = 0; j < width; j++) {
                    c[cr + j] -= b0 * w[w0 + j];
                }
            }
        }
    }
}
