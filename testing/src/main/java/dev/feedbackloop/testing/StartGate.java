package dev.feedbackloop.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A start-gate harness for concurrency tests: a fixed pool of threads on which {@link #race(List)} runs tasks that
 * all wait for one latch and are released together, so that they overlap as much as the machine allows.
 *
 * <pre>{@code
 * private final StartGate gate = StartGate.of(8);
 *
 * @AfterEach
 * void stop() throws InterruptedException {
 *     gate.close();
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #race(List)} is meant to be called from the test's own thread, one race at a time.
 */
public final class StartGate implements AutoCloseable {

    /** How long a race may take before it counts as hung. */
    private static final long TIMEOUT_SECONDS = 120;

    private final ExecutorService pool;

    private StartGate(int threads) {
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /**
     * Returns a gate with a pool of threads; close it after the test.
     *
     * @param threads the number of threads, at least 1; tasks beyond it wait for a thread
     * @return the gate
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public static StartGate of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " is less than 1");
        }
        return new StartGate(threads);
    }

    /**
     * Runs every task on the pool, all released together by one latch, and waits for them.
     *
     * @param tasks the tasks
     * @return what the tasks threw ({@link RuntimeException}s and {@link AssertionError}s), in no particular order;
     *     empty when every task returned normally
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws IllegalStateException if the tasks have not finished after two minutes (a hang)
     */
    public List<Throwable> race(List<? extends Runnable> tasks) throws InterruptedException {
        var gate = new CountDownLatch(1);
        var failures = new CopyOnWriteArrayList<Throwable>();
        var futures = new ArrayList<Future<?>>();
        for (Runnable task : tasks) {
            futures.add(pool.submit(() -> {
                gate.await();
                try {
                    task.run();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e);
                }
                return null;
            }));
        }
        gate.countDown();
        for (Future<?> future : futures) {
            try {
                future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the tasks of a race are still running after " + TIMEOUT_SECONDS
                        + " s", e);
            }
        }
        return failures;
    }

    /**
     * Stops the pool, interrupting tasks still running, and waits for its threads to end.
     *
     * @throws IllegalStateException if the threads have not ended after 30 seconds, or the calling thread was
     *     interrupted while waiting (its interrupt flag is set again)
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the threads of a start gate did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the threads of a start gate end", e);
        }
    }
}
