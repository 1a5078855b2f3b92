package dev.feedbackloop.survey.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a validation: every violation found, in a stable order. Immutable.
 *
 * <p>Validation never throws for invalid input; call {@link #orThrow()} to turn a failed result into a
 * {@link ValidationException}.
 *
 * @param violations the violations; copied; empty when the input is valid
 */
public record ValidationResult(List<Violation> violations) {

    private static final ValidationResult VALID = new ValidationResult(List.of());

    public ValidationResult {
        violations = List.copyOf(violations);
    }

    /**
     * Returns the result with no violations.
     *
     * @return a valid result
     */
    public static ValidationResult valid() {
        return VALID;
    }

    /**
     * Returns a result with some violations.
     *
     * @param violations the violations
     * @return the result, valid if the list is empty
     */
    public static ValidationResult of(List<Violation> violations) {
        return violations.isEmpty() ? VALID : new ValidationResult(violations);
    }

    /**
     * Returns whether there are no violations.
     *
     * @return {@code true} if valid
     */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * Returns this result if it is valid, else throws.
     *
     * @return this result
     * @throws ValidationException carrying the violations, if there are any
     */
    public ValidationResult orThrow() {
        if (!isValid()) {
            throw new ValidationException(violations);
        }
        return this;
    }

    /**
     * Returns whether some violation has a code.
     *
     * @param code a code
     * @return {@code true} if at least one violation has it
     */
    public boolean has(ViolationCode code) {
        return violations.stream().anyMatch(violation -> violation.is(code));
    }

    /**
     * Returns the violation messages, one per line.
     *
     * @return the messages, or {@code "valid"} when there are none
     */
    @Override
    public String toString() {
        return isValid() ? "valid" : violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
