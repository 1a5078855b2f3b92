package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.core.followup.FollowUp;
import org.jspecify.annotations.Nullable;

/**
 * What became of an agent's action. Immutable.
 *
 * @param outcome what happened
 * @param followUp the follow-up as it is now, or {@code null} if there is none
 * @param seenVersion the version the agent acted on, when in conflict
 * @param actualVersion the version stored, when in conflict
 * @param message why the action was refused, or {@code null}
 */
public record ActionResult(Outcome outcome, @Nullable FollowUp followUp, long seenVersion, long actualVersion,
                           @Nullable String message) {

    /** What happened to an action. */
    public enum Outcome {
        /** Stored. */
        DONE,
        /** Someone changed the follow-up first; nothing was stored. */
        CONFLICT,
        /** Not allowed in the follow-up's state, or the fields were wrong; nothing was stored. */
        REFUSED,
        /** There is no such follow-up. */
        MISSING
    }

    static ActionResult done(FollowUp followUp) {
        return new ActionResult(Outcome.DONE, followUp, followUp.version(), followUp.version(), null);
    }

    static ActionResult conflict(FollowUp fresh, long seen, long actual) {
        return new ActionResult(Outcome.CONFLICT, fresh, seen, actual, null);
    }

    static ActionResult refused(FollowUp fresh, String message) {
        return new ActionResult(Outcome.REFUSED, fresh, fresh.version(), fresh.version(), message);
    }

    static ActionResult missing() {
        return new ActionResult(Outcome.MISSING, null, 0, 0, null);
    }
}
