package dev.feedbackloop.core.care;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One customer's standing under a care plan at a point in time. Immutable.
 *
 * @param customerId the customer
 * @param tier the tier that applies
 * @param lastContact the last contact, or {@code null} when never contacted
 * @param lastAnswered the last answered survey, or {@code null} when never heard from
 * @param dueAt when the next contact is due: last contact plus the tier's cadence, or the report instant when
 *     never contacted
 */
public record CustomerStatus(String customerId, String tier, @Nullable Instant lastContact,
                             @Nullable Instant lastAnswered, Instant dueAt) {

    public CustomerStatus {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * Returns whether contact is due at an instant.
     *
     * @param now the instant
     * @return {@code true} if {@code dueAt} is not after {@code now}
     */
    public boolean isDue(Instant now) {
        return !dueAt.isAfter(now);
    }
}
