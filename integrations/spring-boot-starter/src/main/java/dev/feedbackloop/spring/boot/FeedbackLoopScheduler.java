package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.FeedbackLoop;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The loop's background work on one daemon thread, from the context's start to its stop: escalation of overdue
 * follow-ups every {@code feedbackloop.scheduling.escalation-interval} (first after one interval) and delivery of
 * pending events every {@code feedbackloop.scheduling.event-delivery-interval} (first at once, for the events a
 * crash left behind). A run that fails is logged at WARN and the next run tries again. On stop, a run under way
 * may finish for up to five seconds. Thread-safe.
 */
final class FeedbackLoopScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoopScheduler.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final FeedbackLoop loop;
    private final Duration escalationInterval;
    private final Duration deliveryInterval;
    private @Nullable ScheduledThreadPoolExecutor executor;

    FeedbackLoopScheduler(FeedbackLoop loop, Duration escalationInterval, Duration deliveryInterval) {
        this.loop = loop;
        this.escalationInterval = escalationInterval;
        this.deliveryInterval = deliveryInterval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        var started = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "feedbackloop-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        started.scheduleWithFixedDelay(this::deliver, 0, deliveryInterval.toMillis(), TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(this::escalate, escalationInterval.toMillis(), escalationInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = started;
        LOG.debug("escalation every {}, event delivery every {}", escalationInterval, deliveryInterval);
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void escalate() {
        try {
            int escalated = loop.followUps().escalateOverdue(loop.now()).size();
            LOG.debug("escalated {} follow-up step(s)", escalated);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled escalation failed; the next run tries again", e);
        }
    }

    private void deliver() {
        try {
            int delivered = loop.deliverPendingEvents();
            LOG.debug("delivered {} pending event(s)", delivered);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled event delivery failed; the events stay in the outbox for the next run", e);
        }
    }
}
