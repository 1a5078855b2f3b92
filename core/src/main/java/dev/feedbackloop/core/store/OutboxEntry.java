package dev.feedbackloop.core.store;

import dev.feedbackloop.core.event.FeedbackEvent;
import java.util.Objects;

/**
 * One event in a store's outbox, waiting for delivery to listeners until acknowledged. Immutable.
 *
 * @param sequence the store-assigned position, increasing in append order, positive
 * @param event the event
 */
public record OutboxEntry(long sequence, FeedbackEvent event) {

    public OutboxEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence: " + sequence + " is not positive");
        }
        Objects.requireNonNull(event, "event");
    }
}
