package dev.feedbackloop.examples.charts;

import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the follow-ups stand: every follow-up is in exactly one of the six parts. Immutable.
 *
 * @param resolved contacted and resolved
 * @param closedAfterContact contacted, then closed without a resolution
 * @param closedWithoutContact closed without anyone reaching the customer
 * @param awaitingResolution contacted, not yet resolved or closed
 * @param overdue not contacted, first-contact deadline passed
 * @param notYetDue not contacted, first-contact deadline still ahead
 * @param contactedOnTime of the contacted ones, those first contacted by their deadline
 * @param nextDue the earliest first-contact deadline still ahead, or {@code null} when none
 */
public record Standing(long resolved, long closedAfterContact, long closedWithoutContact, long awaitingResolution,
                       long overdue, long notYetDue, long contactedOnTime, @Nullable Instant nextDue) {

    public Standing {
        if (contactedOnTime > resolved + closedAfterContact + awaitingResolution) {
            throw new IllegalArgumentException("contactedOnTime: " + contactedOnTime + " exceeds the contacted");
        }
    }

    /**
     * Sorts every follow-up into exactly one part at an instant.
     *
     * @param followUps the follow-ups
     * @param asOf the instant that tells overdue from not yet due
     * @return where they stand
     */
    public static Standing of(List<FollowUp> followUps, Instant asOf) {
        long resolved = 0;
        long closedAfterContact = 0;
        long closedWithoutContact = 0;
        long awaitingResolution = 0;
        long overdue = 0;
        long notYetDue = 0;
        long onTime = 0;
        Instant nextDue = null;
        for (FollowUp followUp : followUps) {
            boolean contacted = followUp.firstContact() != null;
            if (contacted && followUp.contactedWithinDeadline()) {
                onTime++;
            }
            if (followUp.state() == FollowUpState.RESOLVED) {
                resolved++;
            } else if (followUp.state() == FollowUpState.CLOSED) {
                if (contacted) {
                    closedAfterContact++;
                } else {
                    closedWithoutContact++;
                }
            } else if (contacted) {
                awaitingResolution++;
            } else if (followUp.isOverdue(DeadlineKind.FIRST_CONTACT, asOf)) {
                overdue++;
            } else {
                notYetDue++;
                if (nextDue == null || followUp.firstContactDue().isBefore(nextDue)) {
                    nextDue = followUp.firstContactDue();
                }
            }
        }
        return new Standing(resolved, closedAfterContact, closedWithoutContact, awaitingResolution, overdue,
                notYetDue, onTime, nextDue);
    }

    /**
     * Every follow-up.
     *
     * @return the count
     */
    public long needed() {
        return contacted() + closedWithoutContact + overdue + notYetDue;
    }

    /**
     * Follow-ups with a first contact.
     *
     * @return the count
     */
    public long contacted() {
        return resolved + closedAfterContact + awaitingResolution;
    }

    /**
     * Follow-ups first contacted after their deadline.
     *
     * @return the count
     */
    public long contactedLate() {
        return contacted() - contactedOnTime;
    }

    /**
     * Follow-ups nobody has contacted (closed without contact, overdue, or not yet due).
     *
     * @return the count
     */
    public long notContacted() {
        return needed() - contacted();
    }
}
