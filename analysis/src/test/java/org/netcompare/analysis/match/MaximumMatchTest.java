package org.netcompare.analysis.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class MaximumMatchTest {

    private static BitSet bits(int... indices) {
        BitSet set = new BitSet();
        for (int i : indices) {
            set.set(i);
        }
        return set;
    }

    /**
     * METHODS.md toy fact: [1, 1] lies at relative distance 1/sqrt(2) = 0.70711 from span{[1, 0]},
     * and [1, 0] at the same distance from span{[1, 1]}: the pair is a match exactly from eps
     * 0.70711 on, and below it nothing matches.
     */
    @Test
    void toyPairMatchesExactlyAboveOneOverRootTwo() {
        NeuronMatrix x = NeuronMatrix.dense(Matrix.of(new double[][] {{1}, {1}}));
        NeuronMatrix y = NeuronMatrix.dense(Matrix.of(new double[][] {{1}, {0}}));
        MaximumMatch match = new MaximumMatch(x, y);
        assertEquals(0.0, match.find(0.7071).similarity());
        assertEquals(1.0, match.find(0.7072).similarity());
        assertEquals(1, match.find(0.7072).xSize());
    }

    /**
     * X = [S, noise], Y = [S R, other noise] with R a random 3 x 3 mixing: at small eps the
     * maximum match is exactly the three S neurons and the three S R neurons. Noise columns in
     * 200 dimensions lie about sqrt(1 - 7/200) = 0.98 of their norm away from any 7-dim span.
     */
    @Test
    void plantedSharedSubspaceIsRecoveredExactly() {
        Random random = new Random(7);
        Matrix s = Layers.gaussian(200, 3, random);
        Matrix mixing = Layers.gaussian(3, 3, random);
        Matrix x = Layers.concat(s, Layers.gaussian(200, 4, random));
        Matrix y = Layers.concat(Layers.gaussian(200, 2, random), s.times(mixing),
                Layers.gaussian(200, 2, random));
        MaximumMatch match = new MaximumMatch(NeuronMatrix.dense(x), NeuronMatrix.dense(y));
        for (double eps : new double[] {1e-6, 0.15, 0.5}) {
            MatchResult found = match.find(eps);
            assertEquals(bits(0, 1, 2), found.x(), "eps " + eps);
            assertEquals(bits(2, 3, 4), found.y(), "eps " + eps);
            assertEquals(6.0 / 14, found.similarity(), 1e-15);
        }
    }

    /** The QR route agrees with pruning on the original vectors by Gram-Schmidt (brute force). */
    @Test
    void agreesWithBruteForcePruningOnLayersWithCascades() {
        NeuronMatrix[] layers = Layers.mixed(300, 40, 6, 0.5, 3);
        MaximumMatch match = new MaximumMatch(layers[0], layers[1]);
        int nonTrivial = 0;
        for (double eps : new double[] {0.15, 0.2, 0.25, 0.3, 0.5}) {
            BitSet[] expected = BruteForceMatch.maximum(layers[0].vectors(), layers[1].vectors(), eps);
            MatchResult found = match.find(eps);
            assertEquals(expected[0], found.x(), "X at eps " + eps);
            assertEquals(expected[1], found.y(), "Y at eps " + eps);
            assertTrue(BruteForceMatch.isMatch(layers[0].vectors(), found.x(), layers[1].vectors(),
                    found.y(), eps));
            if (found.size() > 0 && found.size() < 80) {
                nonTrivial++;
            }
        }
        assertTrue(nonTrivial >= 3, "the data must exercise partial matches");
    }

    /**
     * Where Y is rank-deficient (every Y neuron twice), the screening against span(Q_Y) sees a
     * larger span than Y's; the match is still the brute-force one.
     */
    @Test
    void rankDeficientSecondLayerAgreesWithBruteForce() {
        NeuronMatrix[] layers = Layers.mixed(120, 30, 5, 0.5, 13);
        Matrix y = layers[1].vectors();
        Matrix doubled = Layers.concat(y, y);
        MaximumMatch match = new MaximumMatch(layers[0], NeuronMatrix.dense(doubled));
        for (double eps : new double[] {0.5, 0.25, 0.15}) {
            BitSet[] expected = BruteForceMatch.maximum(layers[0].vectors(), doubled, eps);
            MatchResult found = match.find(eps);
            assertEquals(expected[0], found.x(), "X at eps " + eps);
            assertEquals(expected[1], found.y(), "Y at eps " + eps);
        }
    }

    /** Several eps in one call equal separate searches, in the order given, non-decreasing. */
    @Test
    void severalEpsEqualSeparateSearchesAndGrowWithEps() {
        NeuronMatrix[] layers = Layers.mixed(250, 30, 5, 0.5, 11);
        MaximumMatch match = new MaximumMatch(layers[0], layers[1]);
        double[] eps = {0.3, 0.15, 0.5, 0.2, 0.25};
        List<MatchResult> together = match.find(eps);
        for (int i = 0; i < eps.length; i++) {
            MatchResult alone = match.find(eps[i]);
            assertEquals(eps[i], together.get(i).eps());
            assertEquals(alone.x(), together.get(i).x());
            assertEquals(alone.y(), together.get(i).y());
        }
        double[] sorted = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 0.9};
        List<MatchResult> grown = match.find(sorted);
        for (int i = 1; i < sorted.length; i++) {
            assertTrue(grown.get(i).similarity() >= grown.get(i - 1).similarity());
            BitSet smaller = grown.get(i - 1).x();
            smaller.andNot(grown.get(i).x());
            assertTrue(smaller.isEmpty(), "maximum matches nest as eps grows");
        }
    }

    @Test
    void swappingTheLayersSwapsTheMatch() {
        NeuronMatrix[] layers = Layers.mixed(250, 30, 5, 0.5, 5);
        MatchResult forward = new MaximumMatch(layers[0], layers[1]).find(0.25);
        MatchResult backward = new MaximumMatch(layers[1], layers[0]).find(0.25);
        assertEquals(forward.x(), backward.y());
        assertEquals(forward.y(), backward.x());
        assertEquals(forward.similarity(), backward.similarity());
    }

    /** An all-zero neuron has no direction: it is never matched but counts in the denominator. */
    @Test
    void allZeroNeuronsCountInTheDenominatorOnly() {
        Random random = new Random(2);
        Matrix s = Layers.gaussian(50, 3, random);
        Matrix x = Layers.concat(s, Matrix.zeros(50, 1));
        Matrix y = s.times(Layers.gaussian(3, 3, random));
        MatchResult found = new MaximumMatch(NeuronMatrix.dense(x), NeuronMatrix.dense(y)).find(0.2);
        assertEquals(bits(0, 1, 2), found.x());
        assertEquals(3, found.ySize());
        assertEquals(6.0 / 7, found.similarity(), 1e-15);
        assertEquals(4, found.neuronsX());
    }

    /** More neurons than observations: every vector lies in the other layer's span. */
    @Test
    void fewerObservationsThanNeuronsMatchesEverything() {
        Random random = new Random(4);
        MatchResult found = new MaximumMatch(
                NeuronMatrix.dense(Layers.gaussian(5, 8, random)),
                NeuronMatrix.dense(Layers.gaussian(5, 6, random))).find(0.01);
        assertEquals(1.0, found.similarity());
    }

    /** A basis that is rank-deficient (duplicated columns) gives the same distances. */
    @Test
    void duplicatedNeuronsDoNotChangeTheMatch() {
        NeuronMatrix[] layers = Layers.mixed(200, 20, 4, 0.5, 9);
        Matrix x = layers[0].vectors();
        Matrix doubled = Layers.concat(x, x);
        MatchResult once = new MaximumMatch(layers[0], layers[1]).find(0.25);
        MatchResult twice = new MaximumMatch(NeuronMatrix.dense(doubled), layers[1]).find(0.25);
        assertEquals(once.y(), twice.y());
        BitSet expected = once.x();
        once.x().stream().forEach(j -> expected.set(j + 20));
        assertEquals(expected, twice.x());
    }

    @Test
    void badInputIsRefused() {
        Random random = new Random(1);
        NeuronMatrix a = NeuronMatrix.dense(Layers.gaussian(10, 3, random));
        NeuronMatrix b = NeuronMatrix.dense(Layers.gaussian(11, 3, random));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> new MaximumMatch(a, b));
        assertTrue(mismatch.getMessage().contains("10 observations, layer Y 11"),
                mismatch.getMessage());
        MaximumMatch match = new MaximumMatch(a, a);
        for (double eps : new double[] {0, 1, -0.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> match.find(eps));
        }
        assertThrows(IllegalArgumentException.class, () -> match.within(bits(3), bits(0), 0.3));
    }
}
