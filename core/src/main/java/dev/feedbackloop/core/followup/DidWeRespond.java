package dev.feedbackloop.core.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "did we respond to this response?": whether it needed a human answer, whether and when someone
 * first contacted the customer, how long it took and whether that was within the deadline. Immutable.
 *
 * <p>With several follow-ups (several policies fired), the earliest first contact counts, measured against the
 * earliest first-contact deadline.
 *
 * @param responseId the response
 * @param verdict the summary
 * @param firstContactAt the earliest first contact, or {@code null} when nobody responded
 * @param timeToFirstContact from receipt to that contact, or {@code null}
 * @param firstContactDue the earliest first-contact deadline, or {@code null} when no answer was needed
 * @param followUps the response's follow-ups; copied
 */
public record DidWeRespond(String responseId, Verdict verdict, @Nullable Instant firstContactAt,
                           @Nullable Duration timeToFirstContact, @Nullable Instant firstContactDue,
                           List<FollowUp> followUps) {

    /** The summary of a {@link DidWeRespond}. */
    public enum Verdict {
        /** No policy fired: the response needed no human answer. */
        NOT_NEEDED,
        /** Nobody responded yet, and the deadline has not passed. */
        PENDING,
        /** Nobody responded and the deadline has passed (or the follow-up was closed without contact). */
        MISSED,
        /** Someone responded, no later than the deadline. */
        ON_TIME,
        /** Someone responded, after the deadline. */
        LATE;

        /**
         * Returns whether someone contacted the customer.
         *
         * @return {@code true} for {@code ON_TIME} and {@code LATE}
         */
        public boolean contacted() {
            return switch (this) {
                case ON_TIME, LATE -> true;
                case NOT_NEEDED, PENDING, MISSED -> false;
            };
        }
    }

    public DidWeRespond {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(verdict, "verdict");
        followUps = List.copyOf(followUps);
    }

    /**
     * Computes the answer from a response's follow-ups.
     *
     * @param responseId the response
     * @param followUps its follow-ups
     * @param now the current instant, for {@code PENDING} versus {@code MISSED}
     * @return the answer
     */
    public static DidWeRespond of(String responseId, List<FollowUp> followUps, Instant now) {
        if (followUps.isEmpty()) {
            return new DidWeRespond(responseId, Verdict.NOT_NEEDED, null, null, null, List.of());
        }
        Instant due = null;
        Contact first = null;
        Instant firstOpened = null;
        boolean allClosedUncontacted = true;
        for (FollowUp followUp : followUps) {
            if (due == null || followUp.firstContactDue().isBefore(due)) {
                due = followUp.firstContactDue();
            }
            Contact contact = followUp.firstContact();
            if (contact != null && (first == null || contact.at().isBefore(first.at()))) {
                first = contact;
                firstOpened = followUp.openedAt();
            }
            allClosedUncontacted &= followUp.state() == FollowUpState.CLOSED && contact == null;
        }
        if (first == null) {
            Verdict verdict = allClosedUncontacted || now.isAfter(due) ? Verdict.MISSED : Verdict.PENDING;
            return new DidWeRespond(responseId, verdict, null, null, due, followUps);
        }
        Verdict verdict = first.at().isAfter(due) ? Verdict.LATE : Verdict.ON_TIME;
        return new DidWeRespond(responseId, verdict, first.at(), Duration.between(Objects.requireNonNull(firstOpened),
                first.at()), due, followUps);
    }

    /**
     * Returns whether someone contacted the customer: the answer to "did we respond?".
     *
     * @return {@code true} if a first contact was recorded
     */
    public boolean contacted() {
        return verdict.contacted();
    }

    /**
     * Returns whether someone contacted the customer within the first-contact deadline.
     *
     * @return {@code true} for {@link Verdict#ON_TIME}
     */
    public boolean contactedWithinDeadline() {
        return verdict == Verdict.ON_TIME;
    }
}
