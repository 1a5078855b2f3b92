package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A single- or multiple-choice question over options with stable ids, optionally with a free-text "other".
 * Immutable.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 * @param multiple {@code true} for multiple choice
 * @param options the options, in display order; copied
 * @param allowOther whether the respondent may write an "other" answer
 * @param minSelections the fewest selections an answer may have (for single choice, 1)
 * @param maxSelections the most selections an answer may have (for single choice, 1)
 */
public record ChoiceQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                             @Nullable Condition condition, boolean multiple, List<ChoiceOption> options,
                             boolean allowOther, int minSelections, int maxSelections) implements Question {

    public ChoiceQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("options: a choice question needs at least one option");
        }
        int choices = options.size() + (allowOther ? 1 : 0);
        if (!multiple && (minSelections != 1 || maxSelections != 1)) {
            throw new IllegalArgumentException("selections: single choice takes exactly 1, got "
                    + minSelections + ".." + maxSelections);
        }
        if (minSelections < 1 || maxSelections < minSelections || maxSelections > choices) {
            throw new IllegalArgumentException("selections: " + minSelections + ".." + maxSelections
                    + " is not within 1.." + choices);
        }
    }

    /**
     * Returns a required single-choice question.
     *
     * @param id the question id
     * @param prompt the prompt
     * @param options the options
     * @return the question
     */
    public static ChoiceQuestion single(String id, String prompt, List<ChoiceOption> options) {
        return new ChoiceQuestion(id, LocalizedText.of(prompt), true, null, null, false, options, false, 1, 1);
    }

    /**
     * Returns an optional multiple-choice question that allows any number of the options.
     *
     * @param id the question id
     * @param prompt the prompt
     * @param options the options
     * @return the question
     */
    public static ChoiceQuestion multiple(String id, String prompt, List<ChoiceOption> options) {
        return new ChoiceQuestion(id, LocalizedText.of(prompt), false, null, null, true, options, false, 1,
                options.size());
    }

    @Override
    public String type() {
        return "choice";
    }
}
