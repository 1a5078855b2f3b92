package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A free-text question. Immutable.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 * @param maxLength the longest answer accepted, in Unicode code points, 1..{@link #LIMIT}
 */
public record TextQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                           @Nullable Condition condition, int maxLength) implements Question {

    /** The largest {@code maxLength} a question may declare. */
    public static final int LIMIT = 100_000;
    /** The {@code maxLength} of {@link #optional(String, String)}. */
    public static final int DEFAULT_MAX_LENGTH = 2_000;

    public TextQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
        if (maxLength < 1 || maxLength > LIMIT) {
            throw new IllegalArgumentException("maxLength: " + maxLength + " is outside 1.." + LIMIT);
        }
    }

    /**
     * Returns an optional, unconditional text question of at most {@value #DEFAULT_MAX_LENGTH} code points.
     *
     * @param id the question id
     * @param prompt the prompt
     * @return the question
     */
    public static TextQuestion optional(String id, String prompt) {
        return new TextQuestion(id, LocalizedText.of(prompt), false, null, null, DEFAULT_MAX_LENGTH);
    }

    @Override
    public String type() {
        return "text";
    }
}
