package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The loop's health: up when the store answers and fewer events wait for delivery than the threshold; down when
 * the store fails (with the failure) or the backlog reaches the threshold, since the listeners are then not told
 * what happens. Details: {@code store} (the JDBC dialect, or {@code in-memory}), {@code outboxBacklog} (the
 * undelivered events counted, up to the threshold), {@code oldestUndeliveredEvent} (when it happened, if any).
 * Each check reads at most the threshold's number of outbox entries. Thread-safe.
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
            builder.withDetail("oldestUndeliveredEvent", pending.get(0).event().at().toString());
        }
        if (pending.size() >= backlogThreshold) {
            builder.down().withDetail("outboxBacklogThreshold", backlogThreshold);
        } else {
            builder.up();
        }
    }
}
