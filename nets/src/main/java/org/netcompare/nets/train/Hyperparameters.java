package org.netcompare.nets.train;

import java.util.Map;

/** Checks shared by the optimisers. */
final class Hyperparameters {

    private Hyperparameters() {
    }

    static void requireNonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and not negative, got "
                    + value);
        }
    }

    /** Refuses optimiser state arrays that no part of the optimiser claimed. */
    static void requireEmpty(String optimizer, Map<String, ?> left) {
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(optimizer + " state has unknown arrays "
                    + left.keySet());
        }
    }
}
