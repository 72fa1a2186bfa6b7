package org.netcompare.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

/**
 * The one place that decides how many threads the engine uses ({@code --threads}).
 *
 * <p>Work is split into independent tasks by the caller (row blocks of a GEMM, query tiles of a
 * kNN search); {@link #forEach} runs them on a shared pool and returns when all are done. A call
 * made from inside a task runs its tasks inline, so nested parallel code never oversubscribes
 * the cores or deadlocks the pool.
 */
public final class Parallelism {

    private static final Object LOCK = new Object();
    private static int threads = Runtime.getRuntime().availableProcessors();
    private static ForkJoinPool pool;

    private Parallelism() {
    }

    /** Number of worker threads parallel operations use. */
    public static int threads() {
        synchronized (LOCK) {
            return threads;
        }
    }

    /** Sets the number of worker threads; 1 makes every operation single-threaded. */
    public static void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + count);
        }
        synchronized (LOCK) {
            if (count != threads && pool != null) {
                pool.shutdown();
                pool = null;
            }
            threads = count;
        }
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, count) and waits for all of them. Tasks must
     * be independent; the first exception thrown by a task is rethrown here.
     */
    public static void forEach(int count, IntConsumer task) {
        if (count <= 0) {
            return;
        }
        ForkJoinPool workers = count == 1 || insideWorker() ? null : pool();
        if (workers == null) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(ForkJoinTask.adapt(() -> task.accept(index)));
        }
        workers.submit(() -> ForkJoinTask.invokeAll(tasks)).join();
    }

    private static boolean insideWorker() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread;
    }

    private static ForkJoinPool pool() {
        synchronized (LOCK) {
            if (threads == 1) {
                return null;
            }
            if (pool == null) {
                pool = new ForkJoinPool(threads, p -> {
                    ForkJoinWorkerThread worker =
                            ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                    worker.setDaemon(true);
                    worker.setName("netcompare-worker-" + worker.getPoolIndex());
                    return worker;
                }, null, false);
            }
            return pool;
        }
    }
}
