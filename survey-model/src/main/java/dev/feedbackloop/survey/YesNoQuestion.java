package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A yes/no question, such as "Was your issue resolved?". Immutable.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 */
public record YesNoQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                            @Nullable Condition condition) implements Question {

    public YesNoQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
    }

    @Override
    public String type() {
        return "yesNo";
    }
}
