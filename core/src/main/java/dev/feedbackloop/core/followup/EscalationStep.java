package dev.feedbackloop.core.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of escalation when a deadline passes without being met: how long after the deadline, counted how, and
 * whom to alert. Immutable.
 *
 * <p>Deadlines count working time on the loop's {@link BusinessCalendar}; the delay after a deadline counts wall-clock
 * time unless the step says otherwise ({@link #inWorkingTime()}). Wall-clock suits "page the lead 30 minutes after
 * the deadline, whatever the hour"; working time suits "tell the lead after four more working hours", which at a
 * deadline on Friday evening fires on Monday.
 *
 * <pre>{@code
 * EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ofHours(4), "team-lead").inWorkingTime()
 * }</pre>
 *
 * @param deadline which deadline the step watches
 * @param after how long after the deadline the step fires; zero or positive
 * @param target whom to alert, for example {@code "team-lead"}; {@code null} alerts the follow-up's owner
 * @param timing whether {@code after} counts wall-clock or working time
 */
public record EscalationStep(DeadlineKind deadline, Duration after, @Nullable String target, Timing timing) {

    /** How the delay of an {@link EscalationStep} after its deadline is counted. */
    public enum Timing {
        /** Every hour counts, as a clock on the wall shows it. */
        WALL_CLOCK,
        /** Only working time counts, on the loop's {@link BusinessCalendar}, as deadlines do. */
        WORKING_TIME
    }

    public EscalationStep {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(timing, "timing");
        if (after.isNegative()) {
            throw new IllegalArgumentException("after: " + after + " is negative");
        }
        if (target != null && target.isBlank()) {
            throw new IllegalArgumentException("target: '" + target + "' is blank; expected someone to escalate to,"
                    + " or null for the owner");
        }
    }

    /**
     * Returns a step that alerts the follow-up's owner, {@code after} wall-clock time after the deadline.
     *
     * @param deadline the deadline watched
     * @param after how long after the deadline
     * @return the step
     */
    public static EscalationStep toOwner(DeadlineKind deadline, Duration after) {
        return new EscalationStep(deadline, after, null, Timing.WALL_CLOCK);
    }

    /**
     * Returns a step that alerts a fixed target, {@code after} wall-clock time after the deadline.
     *
     * @param deadline the deadline watched
     * @param after how long after the deadline
     * @param target whom to alert
     * @return the step
     */
    public static EscalationStep to(DeadlineKind deadline, Duration after, String target) {
        return new EscalationStep(deadline, after, Objects.requireNonNull(target, "target"), Timing.WALL_CLOCK);
    }

    /**
     * Returns this step with its delay counted in working time on the loop's calendar.
     *
     * @return the step
     */
    public EscalationStep inWorkingTime() {
        return new EscalationStep(deadline, after, target, Timing.WORKING_TIME);
    }

    /**
     * Returns when this step fires for a deadline.
     *
     * @param due the deadline
     * @param calendar the calendar that counts working time
     * @return {@code due} plus {@code after}, counted as {@link #timing()} says
     */
    public Instant firesAt(Instant due, BusinessCalendar calendar) {
        return switch (timing) {
            case WALL_CLOCK -> due.plus(after);
            case WORKING_TIME -> calendar.plus(due, after);
        };
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
