package dev.feedbackloop;

import java.util.Objects;

/**
 * Thrown when a value that a person entered cannot be taken, for example on an agent's screen: a note that is too
 * long or holds a character that databases do not store as given (NUL, an unpaired surrogate), a blank name, a
 * resolution code outside the host's taxonomy, a contact time in the future. Nothing was written.
 *
 * <p>Carries the {@link #field()} that was refused, so that a host can show the message next to it; the message says
 * what is wrong and what was expected, and never quotes the value. Immutable, so safe to share.
 */
public final class InvalidInputException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception, with the message {@code <field>: <problem>}.
     *
     * @param field the field that was refused, for example {@code "note"} or {@code "contact.at"}
     * @param problem what is wrong and what was expected, for example {@code "is blank; expected a reason"}
     */
    public InvalidInputException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /**
     * Returns the field that was refused.
     *
     * @return the field, for example {@code "note"}
     */
    public String field() {
        return field;
    }
}
