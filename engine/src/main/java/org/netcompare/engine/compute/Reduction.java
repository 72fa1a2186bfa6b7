package org.netcompare.engine.compute;

/**
 * Reductions along one axis. Over an empty axis SUM gives 0, MEAN NaN and LOG_SUM_EXP
 * -infinity (the values of the empty sum, 0/0 and log 0); MAX and MIN have no value there and
 * are refused. NaN anywhere along the axis gives NaN.
 */
public enum Reduction {
    SUM,
    MEAN,
    MAX,
    MIN,
    /**
     * log(sum_i e^{x_i}), computed as m + log(sum_i e^{x_i - m}) with m the maximum, so no
     * exponential overflows (Goodfellow, Bengio and Courville, Deep Learning, section 4.1).
     */
    LOG_SUM_EXP
}
