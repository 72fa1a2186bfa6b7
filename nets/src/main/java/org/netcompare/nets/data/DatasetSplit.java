package org.netcompare.nets.data;

import java.util.Locale;

/** Which part of a dataset: the images a network learns from, or the held-out ones. */
public enum DatasetSplit {
    TRAIN,
    TEST;

    /** {@code "train"} or {@code "test"}, as messages and command-line flags spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
