package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import java.util.Objects;

/**
 * Thrown when a response, follow-up, survey or customer that an operation names does not exist.
 *
 * <p>Carries what was looked for ({@link #kind()}, for example {@code "follow-up"}) and its {@link #id()}.
 *
 * <p>Immutable, so safe to share.
 */
public final class NotFoundException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * Creates the exception.
     *
     * @param kind what was looked for, for example {@code "follow-up"} or {@code "response"}
     * @param id the id that was not found
     */
    public NotFoundException(String kind, String id) {
        super(Objects.requireNonNull(kind, "kind") + " '" + Objects.requireNonNull(id, "id") + "' does not exist");
        this.kind = kind;
        this.id = id;
    }

    /**
     * Returns what was looked for.
     *
     * @return the kind, for example {@code "follow-up"}
     */
    public String kind() {
        return kind;
    }

    /**
     * Returns the id that was not found.
     *
     * @return the id
     */
    public String id() {
        return id;
    }
}
