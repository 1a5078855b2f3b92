package dev.feedbackloop.core.store;

import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.FollowUp;
import java.util.List;
import java.util.Objects;

/**
 * One step on a follow-up, stored atomically by {@link FeedbackStore#update(FollowUpChange)}: the new follow-up,
 * the touches and the outbox events of the step. Immutable.
 *
 * <p>The store replaces the stored follow-up only if its version is {@link #expectedVersion()}, that is
 * {@code updated.version() - 1}.
 *
 * @param updated the follow-up after the step
 * @param touches touches the step records, for example {@code FOLLOW_UP_CONTACT}; copied
 * @param events events to append to the outbox; copied
 */
public record FollowUpChange(FollowUp updated, List<Touch> touches, List<FeedbackEvent> events) {

    public FollowUpChange {
        Objects.requireNonNull(updated, "updated");
        if (updated.version() < 2) {
            throw new IllegalArgumentException("follow-up '" + updated.id() + "': version " + updated.version()
                    + " is not an update; expected 2 or more");
        }
        touches = List.copyOf(touches);
        events = List.copyOf(events);
    }

    /**
     * Returns the version the stored follow-up must have for the change to apply.
     *
     * @return {@code updated.version() - 1}
     */
    public long expectedVersion() {
        return updated.version() - 1;
    }
}
