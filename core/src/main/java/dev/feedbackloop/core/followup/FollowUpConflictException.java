package dev.feedbackloop.core.followup;

import dev.feedbackloop.FeedbackLoopException;
import java.util.List;
import java.util.Objects;

/**
 * Thrown by a store when a submission would open a follow-up whose id is already taken by another response's
 * follow-up (or by another submission of the same batch). Follow-up ids are {@link FollowUp#idFor(String, String)}
 * of a response and a policy, so this means two responses whose ids and policies combine to the same follow-up id,
 * or data written around the library; nothing of the submission (or of its batch) was stored.
 *
 * <p>Immutable, so safe to share.
 */
public final class FollowUpConflictException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /** Serializable copy of the ids. */
    private final List<String> followUpIds;

    /**
     * Creates the exception.
     *
     * @param followUpIds the follow-up ids that are taken; copied; not empty
     * @param detail where they are taken, for example {@code "by another response"}; names no customer
     * @throws IllegalArgumentException if there are no ids
     */
    public FollowUpConflictException(List<String> followUpIds, String detail) {
        super("follow-up(s) " + requireIds(followUpIds) + " already exist " + Objects.requireNonNull(detail, "detail")
                + "; nothing was stored");
        this.followUpIds = List.copyOf(followUpIds);
    }

    private static List<String> requireIds(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("followUpIds must not be empty");
        }
        return ids;
    }

    /**
     * Returns the follow-up ids that are taken.
     *
     * @return the ids, not empty
     */
    public List<String> followUpIds() {
        return followUpIds;
    }
}
