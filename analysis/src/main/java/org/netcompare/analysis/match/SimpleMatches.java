package org.netcompare.analysis.match;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.netcompare.engine.parallel.Parallelism;

/**
 * Simple matches (Wang et al., NeurIPS 2018, section 3.2): the v-minimum match of every neuron v
 * of the maximum match ({@link MinimumMatch}), duplicates merged, and the distribution of their
 * sizes. Each v-minimum match costs up to one pruning per neuron of the maximum match, so the
 * search is bounded by a {@link Budget} and reports progress; neurons are taken in a seeded
 * order, several at a time on the worker threads.
 */
public final class SimpleMatches {

    /**
     * How much of the search to do: at most {@code neurons} neurons v (in the seeded order), and
     * no new batch of them once {@code time} has passed. A neuron budget gives reproducible
     * results; a time budget depends on the machine.
     */
    public record Budget(int neurons, Duration time) {

        public Budget {
            if (neurons < 0) {
                throw new IllegalArgumentException("neuron budget must be non-negative, got "
                        + neurons);
            }
            if (time.isNegative()) {
                throw new IllegalArgumentException("time budget must be non-negative, got " + time);
            }
        }

        public static Budget unlimited() {
            return new Budget(Integer.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE));
        }
    }

    /**
     * @param matches the distinct simple matches found, in the order their neurons v came
     * @param neuronsInMatch neurons of the maximum match (the v to examine)
     * @param neuronsExamined neurons v whose minimum match was computed
     * @param sizeCounts number of distinct simple matches of each size {@code |X| + |Y|}
     */
    public record Result(List<MatchResult> matches, int neuronsInMatch, int neuronsExamined,
            SortedMap<Integer, Integer> sizeCounts) {

        /** Whether every neuron of the maximum match was examined. */
        public boolean complete() {
            return neuronsExamined == neuronsInMatch;
        }
    }

    private SimpleMatches() {
    }

    /**
     * @param maximum the maximum match at the eps wanted
     * @param seed seeds the order of the neurons v and each v's removal order
     * @param progress receives a line after each batch of neurons
     */
    public static Result find(MaximumMatch match, MatchResult maximum, Budget budget, long seed,
            Consumer<String> progress) {
        long deadline = deadline(budget.time());
        List<Neuron> order = shuffled(maximum, seed);
        int wanted = Math.min(order.size(), budget.neurons());
        MatchResult[] minima = new MatchResult[wanted];
        int batch = Math.max(1, Parallelism.threads());
        long started = System.nanoTime();
        int done = 0;
        while (done < wanted && System.nanoTime() - deadline < 0) {
            int first = done;
            int count = Math.min(batch, wanted - first);
            Parallelism.forEach(count, i -> {
                int position = first + i;
                minima[position] = MinimumMatch.of(match, match.newPruning(maximum.eps()), maximum,
                        order.get(position), seed + 1 + position);
            });
            done += count;
            progress.accept(String.format("simple matches at eps %s: %d of %d neurons, %.0f s",
                    maximum.eps(), done, order.size(), (System.nanoTime() - started) / 1e9));
        }
        Set<MatchResult> distinct = new LinkedHashSet<>();
        for (int i = 0; i < done; i++) {
            distinct.add(minima[i]);
        }
        SortedMap<Integer, Integer> sizes = new TreeMap<>();
        for (MatchResult simple : distinct) {
            sizes.merge(simple.size(), 1, Integer::sum);
        }
        return new Result(List.copyOf(distinct), order.size(), done,
                Collections.unmodifiableSortedMap(sizes));
    }

    /** In {@link System#nanoTime()} terms; budgets beyond a century mean no deadline. */
    private static long deadline(Duration time) {
        Duration century = Duration.ofDays(36_525);
        return System.nanoTime() + (time.compareTo(century) > 0 ? century : time).toNanos();
    }

    private static List<Neuron> shuffled(MatchResult maximum, long seed) {
        List<Neuron> order = maximum.neurons();
        Collections.shuffle(order, new Random(seed));
        return order;
    }
}
