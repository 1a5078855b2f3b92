package dev.feedbackloop.core.store;

import dev.feedbackloop.core.limit.LimitExceededException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The per-customer limit a {@link Submission} must respect, checked by the store in the same atomic step that stores
 * it: the customer may have at most {@code max} responses received within {@code window} before {@code now}, the new
 * one included. Immutable.
 *
 * <p>Counting and storing atomically is what makes the limit hold across threads and processes: a store counts the
 * customer's stored responses received after {@link #since()} while it holds the customer exclusively (the JDBC
 * store locks the customer's row in the submitting transaction), adds the batch's earlier responses of the customer,
 * and refuses the submission with {@link #exceeded(String, long)} when the count reaches {@code max}.
 *
 * @param max the most responses within the window; positive
 * @param window how far back responses count; positive
 * @param now the instant of the submission
 */
public record CustomerQuota(int max, Duration window, Instant now) {

    public CustomerQuota {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " is not positive");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: " + window + " is not positive");
        }
        Objects.requireNonNull(now, "now");
    }

    /**
     * Returns the instant after which a stored response counts (exclusive).
     *
     * @return {@code now - window}
     */
    public Instant since() {
        return now.minus(window);
    }

    /**
     * Returns the refusal of a response whose customer already has {@code count} responses in the window.
     *
     * @param responseId the refused response
     * @param count the customer's responses received after {@link #since()}, those earlier in the same batch included
     * @return the exception to throw; nothing of the submission (or of its batch) may be stored
     */
    public LimitExceededException exceeded(String responseId, long count) {
        return new LimitExceededException(LimitExceededException.Limit.RESPONSES_PER_CUSTOMER, responseId,
                "the customer has " + count + " responses within " + window + ", expected at most " + max);
    }

    /**
     * Returns whether a customer with {@code count} responses in the window may have one more.
     *
     * @param count the customer's responses received after {@link #since()}, those earlier in the same batch included
     * @return {@code true} if {@code count < max}
     */
    public boolean allows(long count) {
        return count < max;
    }
}
