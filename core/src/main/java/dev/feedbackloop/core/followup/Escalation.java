package dev.feedbackloop.core.followup;

import java.time.Instant;
import java.util.Objects;

/**
 * One escalation of a {@link FollowUp} whose deadline passed: which deadline, which step, to whom, when. Immutable.
 *
 * <p>A follow-up is escalated at most once per deadline kind, deadline instant and step.
 *
 * @param deadline which deadline passed
 * @param due the deadline instant that passed
 * @param step the index of the {@link EscalationStep} in its policy, from 0
 * @param escalatedTo who was alerted, for example the owner or a team lead; not blank
 * @param at when the escalation happened
 */
public record Escalation(DeadlineKind deadline, Instant due, int step, String escalatedTo, Instant at) {

    public Escalation {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(due, "due");
        if (step < 0) {
            throw new IllegalArgumentException("step: " + step + " is negative");
        }
        Texts.requireText(escalatedTo, "escalatedTo");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Returns whether this escalation is the one for a deadline instant and step.
     *
     * @param kind the deadline kind
     * @param dueAt the deadline instant
     * @param stepIndex the step index
     * @return {@code true} if it matches all three
     */
    public boolean matches(DeadlineKind kind, Instant dueAt, int stepIndex) {
        return deadline == kind && due.equals(dueAt) && step == stepIndex;
    }
}
