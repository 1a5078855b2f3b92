package dev.feedbackloop.survey.validation;

/**
 * The stable code of a {@link Violation}: what kind of rule was broken.
 *
 * <p>Each constant has a stable string form, {@link #code()}, that hosts may store, count or map to their own
 * messages; it never changes once released. Definition codes start with {@code definition.}, response codes with
 * {@code response.} or {@code answer.}. Bean Validation constraints are reported with the code
 * {@link #CONSTRAINT}. Immutable.
 */
public enum ViolationCode {

    /** Two questions of a survey share an id. */
    DUPLICATE_QUESTION_ID("definition.duplicate-question-id"),
    /** Two options of a choice question share an id. */
    DUPLICATE_OPTION_ID("definition.duplicate-option-id"),
    /**
     * A rating scale does not suit its kind: a CSAT scale of fewer than 3 points or a CES scale of fewer than 4,
     * whose top box (top two for CSAT, top three for CES) would be the whole scale. Scales are otherwise checked
     * when created ({@code 0..1} to {@code 1..11}).
     */
    INVALID_SCALE("definition.invalid-scale"),
    /** A condition refers to a question that the survey does not have. */
    CONDITION_UNKNOWN_QUESTION("definition.condition-unknown-question"),
    /** A condition refers to its own question or to a later one (a forward reference, which could form a cycle). */
    CONDITION_FORWARD_REFERENCE("definition.condition-forward-reference"),
    /**
     * A condition compares a question in a way its type does not support: {@code atLeast}/{@code atMost} on a
     * question that is not NPS or rating.
     */
    CONDITION_INCOMPATIBLE_TYPE("definition.condition-incompatible-type"),
    /**
     * A condition compares with a value the question cannot have: an unknown option id, something other than
     * {@code yes}/{@code no} for a yes/no question, a rating outside the scale.
     */
    CONDITION_UNKNOWN_VALUE("definition.condition-unknown-value"),
    /** A required question's condition can never be true, so the question can never be shown. */
    CONDITION_NEVER_TRUE("definition.condition-never-true"),

    /** The response names a different survey id than the survey it is validated against. */
    WRONG_SURVEY("response.wrong-survey"),
    /** The response names a different version of the survey than the one it is validated against. */
    WRONG_VERSION("response.wrong-version"),
    /** The shown order names an unknown question or names a question twice. */
    INVALID_SHOWN_ORDER("response.invalid-shown-order"),
    /**
     * A text of the response (its id, channel, customer id, an attribute name or value, a text answer or "other"
     * text) holds a character that databases do not store as given: NUL (U+0000) or an unpaired UTF-16 surrogate
     * (see {@link StorableText}).
     */
    INVALID_CHARACTER("response.invalid-character"),
    /** An answer refers to a question the survey version does not have. */
    UNKNOWN_QUESTION("answer.unknown-question"),
    /** The answer's type does not fit the question (for example text for an NPS question). */
    WRONG_ANSWER_TYPE("answer.wrong-type"),
    /** A rating is outside the question's scale. */
    OUT_OF_SCALE("answer.out-of-scale"),
    /** A choice answer selects an option the question does not have. */
    UNKNOWN_OPTION("answer.unknown-option"),
    /** A choice answer selects more options than the question allows ("other" counts as one). */
    TOO_MANY_SELECTIONS("answer.too-many-selections"),
    /** A choice answer selects fewer options than the question requires ("other" counts as one). */
    TOO_FEW_SELECTIONS("answer.too-few-selections"),
    /** A choice answer carries "other" text although the question does not allow it. */
    OTHER_NOT_ALLOWED("answer.other-not-allowed"),
    /** A text answer, or "other" text, is blank. */
    BLANK_TEXT("answer.blank-text"),
    /** A text answer, or "other" text, is longer than the question allows, counted in Unicode code points. */
    TEXT_TOO_LONG("answer.text-too-long"),
    /** A required question that is visible for this response was not answered. */
    REQUIRED_MISSING("answer.required-missing"),
    /** A question that is hidden for this response (its condition is false) was answered. */
    HIDDEN_ANSWERED("answer.hidden-answered"),

    /**
     * A Bean Validation constraint on a response or respondent failed (a size, a count, a pattern); the message
     * names the constraint and its bounds.
     */
    CONSTRAINT("constraint");

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    /**
     * Returns the stable string form of this code, for example {@code "answer.out-of-scale"}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the constant with a string code.
     *
     * @param code a string code, as returned by {@link #code()}
     * @return the constant
     * @throws IllegalArgumentException if no constant has that code
     */
    public static ViolationCode fromCode(String code) {
        for (ViolationCode candidate : values()) {
            if (candidate.code.equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("code: '" + code + "' is not a violation code");
    }
}
