package dev.feedbackloop.core.followup;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of escalation when a deadline passes without being met: how long after the deadline, and whom to alert.
 * Immutable.
 *
 * @param deadline which deadline the step watches
 * @param after how long after the deadline the step fires; zero or positive, wall-clock time
 * @param target whom to alert, for example {@code "team-lead"}; {@code null} alerts the follow-up's owner
 */
public record EscalationStep(DeadlineKind deadline, Duration after, @Nullable String target) {

    public EscalationStep {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("after: " + after + " is negative");
        }
        if (target != null && target.isBlank()) {
            throw new IllegalArgumentException("target: '" + target + "' is blank; expected someone to escalate to,"
                    + " or null for the owner");
        }
    }

    /**
     * Returns a step that alerts the follow-up's owner.
     *
     * @param deadline the deadline watched
     * @param after how long after the deadline
     * @return the step
     */
    public static EscalationStep toOwner(DeadlineKind deadline, Duration after) {
        return new EscalationStep(deadline, after, null);
    }

    /**
     * Returns a step that alerts a fixed target.
     *
     * @param deadline the deadline watched
     * @param after how long after the deadline
     * @param target whom to alert
     * @return the step
     */
    public static EscalationStep to(DeadlineKind deadline, Duration after, String target) {
        return new EscalationStep(deadline, after, Objects.requireNonNull(target, "target"));
    }

    /**
     * Returns whom this step alerts for a follow-up.
     *
     * @param followUp the follow-up
     * @return the target, or the follow-up's owner
     */
    public String targetFor(FollowUp followUp) {
        return target == null ? followUp.owner() : target;
    }
}
