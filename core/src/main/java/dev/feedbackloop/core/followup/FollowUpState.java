package dev.feedbackloop.core.followup;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link FollowUp} stands in its lifecycle: {@code OPEN → CONTACTED → RESOLVED}, or {@code CLOSED} when no
 * contact is possible; a resolved or closed follow-up may be reopened.
 *
 * <p>The legal transitions are data: {@link #next()}. Immutable.
 */
public enum FollowUpState {
    /** Waiting for the first human contact. */
    OPEN,
    /** A human has contacted the customer; not yet resolved. */
    CONTACTED,
    /** Resolved with a resolution code and root cause. */
    RESOLVED,
    /** Closed without resolution, for example because no contact was possible. */
    CLOSED;

    private static final Set<FollowUpState> FROM_OPEN =
            Collections.unmodifiableSet(EnumSet.of(CONTACTED, CLOSED));
    private static final Set<FollowUpState> FROM_CONTACTED =
            Collections.unmodifiableSet(EnumSet.of(RESOLVED, CLOSED));
    private static final Set<FollowUpState> FROM_DONE =
            Collections.unmodifiableSet(EnumSet.of(OPEN, CONTACTED));

    /**
     * Returns the states this state may move to.
     *
     * @return an unmodifiable set; reopening leads back to {@code OPEN} or {@code CONTACTED}
     */
    public Set<FollowUpState> next() {
        return switch (this) {
            case OPEN -> FROM_OPEN;
            case CONTACTED -> FROM_CONTACTED;
            case RESOLVED, CLOSED -> FROM_DONE;
        };
    }

    /**
     * Returns whether this state may move to another.
     *
     * @param target the state to move to
     * @return {@code true} if the transition is legal
     */
    public boolean canMoveTo(FollowUpState target) {
        return next().contains(target);
    }

    /**
     * Returns whether work on the follow-up is finished (resolved or closed).
     *
     * @return {@code true} for {@code RESOLVED} and {@code CLOSED}
     */
    public boolean isDone() {
        return switch (this) {
            case OPEN, CONTACTED -> false;
            case RESOLVED, CLOSED -> true;
        };
    }
}
