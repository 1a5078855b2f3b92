package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import org.jspecify.annotations.Nullable;

/**
 * The Net Promoter question: likelihood to recommend on the fixed 0–10 scale. Immutable.
 *
 * @param id the question id
 * @param prompt the prompt; {@link #STANDARD_PROMPT} is the standard wording
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 */
public record NpsQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                          @Nullable Condition condition) implements Question {

    /** The lowest answer, 0. */
    public static final int MIN = 0;
    /** The highest answer, 10. */
    public static final int MAX = 10;
    /** The standard wording of the question. */
    public static final String STANDARD_PROMPT =
            "How likely is it that you would recommend us to a friend or colleague?";

    public NpsQuestion {
        Questions.requireId(id);
        java.util.Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * Returns a required NPS question with the standard wording.
     *
     * @param id the question id
     * @return the question
     */
    public static NpsQuestion standard(String id) {
        return new NpsQuestion(id, LocalizedText.of(STANDARD_PROMPT), true, null, null);
    }

    @Override
    public String type() {
        return "nps";
    }
}
