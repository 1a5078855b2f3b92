package dev.feedbackloop.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that never runs anything by itself: it records every periodic task and the
 * test runs them with {@link #runPeriodicTasks()}. Not thread-safe.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** A recorded periodic task. */
    static final class Task implements ScheduledFuture<Object> {

        final Runnable command;
        final long initialDelay;
        final long period;
        final TimeUnit unit;
        private boolean cancelled;

        Task(Runnable command, long initialDelay, long period, TimeUnit unit) {
            this.command = command;
            this.initialDelay = initialDelay;
            this.period = period;
            this.unit = unit;
        }

        @Override
        public long getDelay(TimeUnit target) {
            return target.convert(initialDelay, unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean changed = !cancelled;
            cancelled = true;
            return changed;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("a periodic task has no result");
        }

        @Override
        public Object get(long timeout, TimeUnit timeUnit) {
            throw new UnsupportedOperationException("a periodic task has no result");
        }
    }

    final List<Task> tasks = new ArrayList<>();
    private boolean shutdown;

    /**
     * Runs every periodic task that is not cancelled once, as a scheduler thread would: an exception escaping a
     * task is rethrown (a real scheduler would silently stop the task's later runs).
     *
     * @return how many tasks ran
     */
    int runPeriodicTasks() {
        int ran = 0;
        for (Task task : List.copyOf(tasks)) {
            if (!task.isCancelled()) {
                task.command.run();
                ran++;
            }
        }
        return ran;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        Task task = new Task(command, initialDelay, period, unit);
        tasks.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot tasks are not expected");
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("one-shot tasks are not expected");
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException("immediate tasks are not expected");
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
