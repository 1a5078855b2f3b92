package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.ForwardingFeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import java.util.Collection;
import java.util.List;

/**
 * A store that delegates everything but never acknowledges outbox entries, so that a test can check afterwards that
 * every write's events were stored with it. Thread-safe when the delegate is.
 */
public final class KeepOutboxStore extends ForwardingFeedbackStore {

    /** Wraps a store. */
    public KeepOutboxStore(FeedbackStore delegate) {
        super(delegate);
    }

    @Override
    public List<OutboxEntry> pollOutbox(int max) {
        return List.of();
    }

    @Override
    public void acknowledge(Collection<Long> sequences) {
        // kept for the test to inspect
    }
}
