package dev.feedbackloop.survey.validation;

import java.util.Objects;

/**
 * One broken rule: where, which rule, and a message for people. Immutable.
 *
 * <p>The same type reports survey definition checks, response checks and Bean Validation constraints.
 *
 * @param path where the rule was broken, for example {@code answers.nps} or {@code questions[2].condition};
 *     empty for the whole object
 * @param code the stable code of the rule, one of {@link ViolationCode#code()}
 * @param message what is wrong and what was expected, starting with the path, for example
 *     {@code "answers.nps: 11 is outside 0..10"}
 */
public record Violation(String path, String code, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("code and message must not be blank");
        }
    }

    /**
     * Returns a violation whose message is the path followed by a description.
     *
     * @param path where the rule was broken
     * @param code the rule
     * @param description what is wrong, without the path, for example {@code "11 is outside 0..10"}
     * @return the violation
     */
    public static Violation of(String path, ViolationCode code, String description) {
        Objects.requireNonNull(code, "code");
        return new Violation(path, code.code(), path.isEmpty() ? description : path + ": " + description);
    }

    /**
     * Returns whether this violation has a code.
     *
     * @param candidate a code
     * @return {@code true} if {@link #code()} is {@code candidate.code()}
     */
    public boolean is(ViolationCode candidate) {
        return code.equals(candidate.code());
    }

    @Override
    public String toString() {
        return message + " [" + code + "]";
    }
}
