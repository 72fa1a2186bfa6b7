package org.netcompare.engine.knn;

/**
 * The float32 copy of a point set that the GEMM screens with: every row shifted by a common
 * centre and multiplied by a power of two, {@code c_i = fl32((x_i - centre) * scale)}, with the
 * float64 squared norm and norm of each stored row and the largest norm.
 *
 * <p>Shifting all points by one vector leaves their distances unchanged but removes the common
 * offset that makes {@code |q|^2 + |b|^2 - 2 q.b} cancel; the power-of-two scale keeps the
 * largest norm in [0.5, 1) so no float32 product overflows, and it changes every squared
 * distance by the same exact factor {@code scale^2}.
 */
final class ScreeningCopy {

    final float[] values;
    final double[] squaredNorms;
    final double[] norms;
    final double largestNorm;
    final int rows;
    final int cols;

    ScreeningCopy(PointSet points, double[] centre, double scale) {
        rows = points.rows();
        cols = points.cols();
        values = new float[Math.multiplyExact(rows, cols)];
        squaredNorms = new double[rows];
        norms = new double[rows];
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                float v = (float) ((points.get(i, c) - centre[c]) * scale);
                values[i * cols + c] = v;
                sum += (double) v * v;
            }
            squaredNorms[i] = sum;
            norms[i] = Math.sqrt(sum);
            largest = Math.max(largest, norms[i]);
        }
        largestNorm = largest;
    }

    /** Bytes one copy of {@code rows x cols} points takes. */
    static long bytes(long rows, long cols) {
        return rows * cols * Float.BYTES + rows * 2L * Double.BYTES;
    }

    /** The power of two that brings {@code largestNorm} into [0.5, 1); 1 for zero. */
    static double scaleFor(double largestNorm) {
        if (largestNorm == 0) {
            return 1;
        }
        return Math.scalb(1.0, -Math.getExponent(largestNorm) - 1);
    }
}
