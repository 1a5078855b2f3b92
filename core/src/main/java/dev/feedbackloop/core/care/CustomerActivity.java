package dev.feedbackloop.core.care;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer with the dates of their last contact and last answered survey, as stores report them for care-plan
 * reports. Immutable.
 *
 * @param customer the customer
 * @param lastContact the latest touch that {@linkplain TouchKind#isContact() counts as contact}, or {@code null}
 * @param lastAnswered the latest {@code SURVEY_ANSWERED} touch, or {@code null} when never heard from
 */
public record CustomerActivity(Customer customer, @Nullable Instant lastContact, @Nullable Instant lastAnswered) {

    public CustomerActivity {
        Objects.requireNonNull(customer, "customer");
    }
}
