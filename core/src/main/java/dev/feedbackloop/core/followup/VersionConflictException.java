package dev.feedbackloop.core.followup;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a {@link FollowUp} update names a version that is no longer the stored one: someone else changed the
 * follow-up in between. Reload it, check the change still makes sense, and retry with the new version.
 *
 * <p>Immutable, so safe to share.
 */
public final class VersionConflictException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String followUpId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller based its change on
     * @param actualVersion the stored version
     */
    public VersionConflictException(String followUpId, long expectedVersion, long actualVersion) {
        super("follow-up '" + Objects.requireNonNull(followUpId, "followUpId") + "': expected version "
                + expectedVersion + " but the stored version is " + actualVersion
                + "; reload it and retry");
        this.followUpId = followUpId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
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
     * Returns the version the caller expected.
     *
     * @return the expected version
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * Returns the stored version.
     *
     * @return the actual version
     */
    public long actualVersion() {
        return actualVersion;
    }
}
