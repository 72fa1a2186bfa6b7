package org.netcompare.analysis.similarity;

/**
 * CCA asked of data whose canonical correlations are 1 whatever the data: when the centred
 * column spaces of X and Y together have more dimensions than the {@code n - 1} that n centred
 * samples allow, they must share some, so a mean CCA near 1 would say nothing about the
 * networks. Thrown instead of reporting such a number.
 */
public final class DegenerateCcaException extends IllegalArgumentException {

    DegenerateCcaException(int rankX, int rankY, int samples) {
        super(String.format("CCA is degenerate: X spans %d and Y %d dimensions but %d centred"
                + " samples span at most %d, so at least %d canonical correlations are 1 whatever"
                + " the data; use more samples than features, or svcca with fewer directions",
                rankX, rankY, samples, samples - 1, rankX + rankY - (samples - 1)));
    }
}
