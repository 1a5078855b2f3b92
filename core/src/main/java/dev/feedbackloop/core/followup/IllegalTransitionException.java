package dev.feedbackloop.core.followup;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a {@link FollowUp} is asked to take a step its state does not allow, for example resolving an open
 * follow-up that nobody has contacted yet.
 *
 * <p>Immutable, so safe to share.
 */
public final class IllegalTransitionException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String followUpId;
    private final FollowUpState from;
    private final FollowUpAction action;

    /** Creates the exception. */
    IllegalTransitionException(String followUpId, FollowUpState from, FollowUpAction action,
                                      String expected) {
        super("follow-up '" + Objects.requireNonNull(followUpId, "followUpId") + "': cannot "
                + Objects.requireNonNull(action, "action") + " from state " + Objects.requireNonNull(from, "from")
                + "; expected " + expected);
        this.followUpId = followUpId;
        this.from = from;
        this.action = action;
    }

    /**
     * Returns the follow-up id.
     *
     * @return the id
     */
    public String followUpId() {
        return followUpId;
    }

    /**
     * Returns the state the follow-up was in.
     *
     * @return the state
     */
    public FollowUpState from() {
        return from;
    }

    /**
     * Returns the step that was refused.
     *
     * @return the action
     */
    public FollowUpAction action() {
        return action;
    }
}
