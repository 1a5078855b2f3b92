package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The loop's health: up when the store answers and its outbox holds fewer events than the threshold; down when the
 * store fails (with the failure) or the outbox reaches the threshold, since the listeners are then not being told
 * what happens. Details: {@code store} (the JDBC dialect, or the store's class), {@code outboxBacklog} (the events
 * in the outbox, counted up to the threshold) and {@code oldestOutboxEvent} (when the oldest of them happened, if
 * any). The outbox holds the events not yet delivered and, with the JDBC store, a few delivered ones whose removal
 * waits for a later write (at most a batch, for about a second of submissions, or until the next scheduled
 * delivery), so a healthy loop under load shows a small backlog. Each check reads at most the threshold's number of
 * entries. Thread-safe.
 */
final class FeedbackLoopHealthIndicator extends AbstractHealthIndicator {

    private final FeedbackStore store;
    private final int backlogThreshold;

    FeedbackLoopHealthIndicator(FeedbackStore store, int backlogThreshold) {
        super("Feedback Loop store check failed");
        this.store = store;
        this.backlogThreshold = backlogThreshold;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<OutboxEntry> pending = store.pollOutbox(backlogThreshold);
        builder.withDetail("store", store instanceof JdbcStore ? ((JdbcStore) store).dialect().toString()
                : store.getClass().getSimpleName());
        builder.withDetail("outboxBacklog", pending.size());
        if (!pending.isEmpty()) {
            builder.withDetail("oldestOutboxEvent", pending.get(0).event().at().toString());
        }
        if (pending.size() >= backlogThreshold) {
            builder.down().withDetail("outboxBacklogThreshold", backlogThreshold);
        } else {
            builder.up();
        }
    }
}
