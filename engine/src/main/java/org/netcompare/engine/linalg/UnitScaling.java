package org.netcompare.engine.linalg;

/**
 * Exact rescaling by a power of two that brings the largest magnitude into [1, 2). Reflector
 * generation at that scale may drop tails below {@link Householder#NEGLIGIBLE_AT_UNIT_SCALE}
 * (far below eps times the largest entry), which keeps {@code 1 / (alpha - beta)} finite when
 * values have decayed to subnormal numbers, or the input itself is that small.
 */
final class UnitScaling {

    private UnitScaling() {
    }

    /**
     * Multiplies {@code data[0 .. length - 1]} by the power of two that brings its largest
     * magnitude into [1, 2) and returns that factor (1 for all zeros).
     */
    static double scaleToUnit(double[] data, int length) {
        double largest = 0;
        for (int i = 0; i < length; i++) {
            largest = Math.max(largest, Math.abs(data[i]));
        }
        if (largest == 0) {
            return 1;
        }
        double scale = Math.scalb(1.0, -Math.getExponent(largest));
        for (int i = 0; i < length; i++) {
            data[i] *= scale;
        }
        return scale;
    }
}
