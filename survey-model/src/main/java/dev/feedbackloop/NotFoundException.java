package dev.feedbackloop;

import java.util.Objects;

/**
 * Thrown when something that an operation names by id does not exist: a question of a survey, a scored question
 * or a group of a scorecard, a stored response, follow-up or customer.
 *
 * <p>Every lookup of the library comes in two forms: {@code findX(id)} returns an {@link java.util.Optional} that
 * is empty when there is no such thing, and its twin {@code x(id)} returns the thing or throws this exception.
 * Call the first when absence is expected, the second when absence is a failure worth reporting.
 *
 * <p>Carries what was looked for ({@link #kind()}, for example {@code "follow-up"}) and its {@link #id()}.
 * Immutable, so safe to share.
 */
public final class NotFoundException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * Creates the exception, with the message {@code <kind> '<id>' does not exist}.
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
     * Creates the exception for a lookup within something, with the message
     * {@code <kind> '<id>' does not exist in <where>}.
     *
     * @param kind what was looked for, for example {@code "question"}
     * @param id the id that was not found
     * @param where where it was looked for and, when it helps, what is there instead, for example
     *     {@code "survey onboarding v2"}
     */
    public NotFoundException(String kind, String id, String where) {
        super(Objects.requireNonNull(kind, "kind") + " '" + Objects.requireNonNull(id, "id") + "' does not exist in "
                + Objects.requireNonNull(where, "where"));
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
