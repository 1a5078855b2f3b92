package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One follow-up in the inbox. Immutable.
 *
 * @param followUp the follow-up
 * @param customer the customer's company name
 * @param verbatim what the customer wrote, or an empty string
 * @param lateness how long its earliest missed deadline has passed, or {@code null} when none has
 * @param nextDue the next deadline still pending, or {@code null}
 */
public record InboxRow(FollowUp followUp, String customer, String verbatim, @Nullable Duration lateness,
                       @Nullable Instant nextDue) {

    static InboxRow of(FollowUp followUp, String customer, String verbatim, Instant now) {
        return new InboxRow(followUp, customer, verbatim, lateness(followUp, now), nextDue(followUp));
    }

    /**
     * Whether a deadline has passed without being met.
     *
     * @return {@code true} if overdue
     */
    public boolean overdue() {
        return lateness != null;
    }

    /** How long ago the earliest deadline that is pending and passed was due, or {@code null} when none is. */
    static @Nullable Duration lateness(FollowUp followUp, Instant now) {
        Duration late = null;
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (followUp.isOverdue(kind, now)) {
                Duration by = Duration.between(followUp.due(kind), now);
                late = late == null || by.compareTo(late) > 0 ? by : late;
            }
        }
        return late;
    }

    private static @Nullable Instant nextDue(FollowUp followUp) {
        Instant next = null;
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (followUp.isPending(kind)) {
                Instant due = followUp.due(kind);
                next = next == null || due.isBefore(next) ? due : next;
            }
        }
        return next;
    }

    /**
     * The inbox order at an instant: overdue first, most urgent priority first, then the latest first; then the
     * others by their next deadline; the id breaks ties.
     *
     * @param now the instant
     * @return the order
     */
    static Comparator<FollowUp> order(Instant now) {
        Comparator<FollowUp> overdueFirst = Comparator.comparing(f -> lateness(f, now) == null);
        Comparator<FollowUp> byPriority = Comparator.comparing(FollowUp::priority).reversed();
        Comparator<FollowUp> byLateness = Comparator.comparing(
                (FollowUp f) -> lateness(f, now), Comparator.nullsLast(Comparator.reverseOrder()));
        Comparator<FollowUp> byNextDue = Comparator.comparing(InboxRow::nextDue,
                Comparator.nullsLast(Comparator.naturalOrder()));
        return overdueFirst.thenComparing((a, b) -> lateness(a, now) == null ? 0 : byPriority.compare(a, b))
                .thenComparing(byLateness).thenComparing(byNextDue).thenComparing(FollowUp::id);
    }
}
