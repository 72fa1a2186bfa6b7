package org.netcompare.analysis.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netcompare.engine.linalg.Matrix;

class SimpleMatchesTest {

    private static final double EPS = 0.2;

    /**
     * X = [s, u, w, noise], Y = [2 s, u + w, u - w, noise]: the maximum match is the first three
     * neurons of each, and its simple matches are ({s}, {2s}) of size 2 and ({u, w}, {u + w,
     * u - w}) of size 4: u lies at relative distance sin 45 degrees = 0.71 from span{u + w}, so
     * no part of the second is a match.
     */
    private static Matrix[] twoSimpleMatches() {
        Random random = new Random(21);
        Matrix base = Layers.gaussian(120, 3, random);
        Matrix s = column(base, 0);
        Matrix u = column(base, 1);
        Matrix w = column(base, 2);
        Matrix x = Layers.concat(s, u, w, Layers.gaussian(120, 2, random));
        Matrix y = Layers.concat(Layers.plus(s, s, 1), Layers.plus(u, w, 1), Layers.plus(u, w, -1),
                Layers.gaussian(120, 2, random));
        return new Matrix[] {x, y};
    }

    private static Matrix column(Matrix m, int j) {
        return Matrix.wrap(m.rows(), 1, m.column(j));
    }

    private static BitSet bits(int... indices) {
        BitSet set = new BitSet();
        for (int i : indices) {
            set.set(i);
        }
        return set;
    }

    @Test
    void minimumMatchOfANeuronIsItsSimpleMatch() {
        Matrix[] layers = twoSimpleMatches();
        MaximumMatch match = new MaximumMatch(NeuronMatrix.dense(layers[0]),
                NeuronMatrix.dense(layers[1]));
        MatchResult maximum = match.find(EPS);
        assertEquals(bits(0, 1, 2), maximum.x());
        assertEquals(bits(0, 1, 2), maximum.y());
        for (long seed = 0; seed < 4; seed++) {
            MatchResult fromU = MinimumMatch.of(match, maximum, new Neuron(Neuron.Layer.X, 1), seed);
            assertEquals(bits(1, 2), fromU.x());
            assertEquals(bits(1, 2), fromU.y());
            MatchResult fromS = MinimumMatch.of(match, maximum, new Neuron(Neuron.Layer.Y, 0), seed);
            assertEquals(bits(0), fromS.x());
            assertEquals(bits(0), fromS.y());
        }
        assertThrows(IllegalArgumentException.class,
                () -> MinimumMatch.of(match, maximum, new Neuron(Neuron.Layer.X, 3), 0));
    }

    @Test
    void simpleMatchesAndTheirSizesAreFoundOnce() {
        Matrix[] layers = twoSimpleMatches();
        MaximumMatch match = new MaximumMatch(NeuronMatrix.dense(layers[0]),
                NeuronMatrix.dense(layers[1]));
        MatchResult maximum = match.find(EPS);
        List<String> progress = new ArrayList<>();
        SimpleMatches.Result result = SimpleMatches.find(match, maximum,
                SimpleMatches.Budget.unlimited(), 3, progress::add);
        assertTrue(result.complete());
        assertEquals(6, result.neuronsExamined());
        assertEquals(Map.of(2, 1, 4, 1), result.sizeCounts());
        assertEquals(2, result.matches().size());
        for (MatchResult simple : result.matches()) {
            assertTrue(BruteForceMatch.isMatch(layers[0], simple.x(), layers[1], simple.y(), EPS));
        }
        assertFalse(progress.isEmpty());
        assertTrue(progress.get(progress.size() - 1).contains("6 of 6 neurons"), progress.toString());
    }

    /**
     * The v-minimum property: leaving out any other neuron of the result leaves no match with v
     * (the maximum match of the rest lacks v), checked on layers with larger simple matches.
     */
    @Test
    void noNeuronCanLeaveAMinimumMatch() {
        NeuronMatrix[] layers = Layers.mixed(150, 14, 3, 0.4, 8);
        MaximumMatch match = new MaximumMatch(layers[0], layers[1]);
        MatchResult maximum = match.find(0.3);
        Neuron v = maximum.neurons().get(0);
        MatchResult minimum = MinimumMatch.of(match, maximum, v, 5);
        assertTrue(minimum.contains(v));
        assertTrue(minimum.size() > 2, "a simple match with more than one neuron per layer");
        for (Neuron w : minimum.neurons()) {
            if (w.equals(v)) {
                continue;
            }
            BitSet x = minimum.x();
            BitSet y = minimum.y();
            (w.layer() == Neuron.Layer.X ? x : y).clear(w.index());
            assertFalse(match.within(x, y, 0.3).contains(v), "without " + w);
        }
    }

    /**
     * The removals by downdated factors decide as a fresh maximum match of what is left would
     * (the algorithm as METHODS.md states it, through the public {@code within}), also where a
     * duplicated neuron makes the span rank-deficient and the fresh route is taken.
     */
    @Test
    void downdatedRemovalsAgreeWithFreshMaximumMatches() {
        NeuronMatrix[] layers = Layers.mixed(150, 14, 3, 0.4, 8);
        Matrix doubled = Layers.concat(layers[0].vectors(), column(layers[0].vectors(), 2));
        for (NeuronMatrix x : new NeuronMatrix[] {layers[0], NeuronMatrix.dense(doubled)}) {
            MaximumMatch match = new MaximumMatch(x, layers[1]);
            MatchResult maximum = match.find(0.3);
            List<Neuron> all = maximum.neurons();
            for (int i = 0; i < all.size(); i += 3) {
                Neuron v = all.get(i);
                MatchResult expected = freshMinimum(match, maximum, v, i);
                MatchResult found = MinimumMatch.of(match, maximum, v, i);
                assertEquals(expected.x(), found.x(), "v " + v);
                assertEquals(expected.y(), found.y(), "v " + v);
            }
        }
    }

    private static MatchResult freshMinimum(MaximumMatch match, MatchResult maximum, Neuron v,
            long seed) {
        MatchResult current = maximum;
        List<Neuron> order = current.neurons();
        order.remove(v);
        Collections.shuffle(order, new Random(seed));
        for (Neuron u : order) {
            if (current.contains(u)) {
                BitSet x = current.x();
                BitSet y = current.y();
                (u.layer() == Neuron.Layer.X ? x : y).clear(u.index());
                MatchResult left = match.within(x, y, maximum.eps());
                if (left.contains(v)) {
                    current = left;
                }
            }
        }
        return current;
    }

    /** The same seed and neuron budget give the same matches; the budget bounds the work. */
    @Test
    void seededSearchIsReproducibleAndBounded() {
        NeuronMatrix[] layers = Layers.mixed(150, 14, 3, 0.4, 8);
        MaximumMatch match = new MaximumMatch(layers[0], layers[1]);
        MatchResult maximum = match.find(0.3);
        assertTrue(maximum.size() >= 6, "need a maximum match to take apart: " + maximum.size());
        SimpleMatches.Budget budget = new SimpleMatches.Budget(5, Duration.ofHours(1));
        SimpleMatches.Result first = SimpleMatches.find(match, maximum, budget, 42, line -> { });
        SimpleMatches.Result again = SimpleMatches.find(match, maximum, budget, 42, line -> { });
        assertEquals(5, first.neuronsExamined());
        assertFalse(first.complete());
        assertEquals(first.matches(), again.matches());
        assertEquals(first.sizeCounts(), again.sizeCounts());
        for (MatchResult simple : first.matches()) {
            assertTrue(BruteForceMatch.isMatch(layers[0].vectors(), simple.x(),
                    layers[1].vectors(), simple.y(), 0.3));
        }
        SimpleMatches.Result none = SimpleMatches.find(match, maximum,
                new SimpleMatches.Budget(100, Duration.ZERO), 42, line -> { });
        assertEquals(0, none.neuronsExamined());
    }
}
