package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a host callback that the loop asks before storing a response fails: a follow-up policy's trigger or
 * owner rule, or the submission guard, threw (or the owner rule returned an owner that cannot be stored). Nothing of
 * the response was stored; the host's exception is the cause.
 *
 * <p>Listeners are not reported this way: they are called after the write, and a listener that throws is logged at
 * WARN and skipped. Immutable, so safe to share.
 */
public final class HostCallbackException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** Which callback failed. */
    public enum Callback {
        /** A {@link dev.feedbackloop.core.followup.FollowUpPolicy}'s trigger or owner rule. */
        FOLLOW_UP_POLICY,
        /** The {@link dev.feedbackloop.core.limit.SubmissionGuard}. */
        SUBMISSION_GUARD
    }

    private final Callback callback;
    private final String name;
    private final String responseId;

    HostCallbackException(Callback callback, String name, String responseId, Throwable cause) {
        super(Objects.requireNonNull(name, "name") + " failed on response '"
                + Objects.requireNonNull(responseId, "responseId") + "'; nothing was stored", cause);
        this.callback = Objects.requireNonNull(callback, "callback");
        this.name = name;
        this.responseId = responseId;
    }

    /**
     * Returns which callback failed.
     *
     * @return the kind of callback
     */
    public Callback callback() {
        return callback;
    }

    /**
     * Returns the callback by name.
     *
     * @return for example {@code "policy 'nps-detractor'"} or {@code "submission guard"}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the response the callback failed on.
     *
     * @return the response id
     */
    public String responseId() {
        return responseId;
    }
}
