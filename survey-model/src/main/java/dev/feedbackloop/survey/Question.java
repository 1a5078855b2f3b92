package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One question of a {@link Survey}: a closed family of immutable records.
 *
 * <p>Every question has a stable {@link #id()} (unique within its survey, referenced by answers and conditions), a
 * {@link #prompt()}, a {@link #required()} flag, optional {@link #helpText()} and an optional display
 * {@link #condition()}: a question whose condition is false for a response is hidden and must not be answered.
 */
public sealed interface Question
        permits NpsQuestion, RatingQuestion, ChoiceQuestion, TextQuestion, YesNoQuestion {

    /**
     * Returns the question id, unique within the survey.
     *
     * @return the id
     */
    String id();

    /**
     * Returns the question as shown to the respondent.
     *
     * @return the prompt
     */
    LocalizedText prompt();

    /**
     * Returns whether a response must answer this question when it is visible.
     *
     * @return {@code true} if required
     */
    boolean required();

    /**
     * Returns optional help shown with the prompt.
     *
     * @return the help text, or {@code null} when there is none
     */
    @Nullable LocalizedText helpText();

    /**
     * Returns the condition under which the question is shown.
     *
     * @return the display condition, or {@code null} when the question is always shown
     */
    @Nullable Condition condition();

    /**
     * Returns the name of this kind of question, as the JSON {@code "type"} field and validation messages spell it.
     *
     * @return {@code "nps"}, {@code "rating"}, {@code "choice"}, {@code "text"} or {@code "yesNo"}
     */
    String type();

    /**
     * Returns whether this question is shown for a response, given the answers to the questions shown before it:
     * {@code true} when it has no {@link #condition()} or its condition holds for those answers. A shown question
     * may be answered, and must be when it is {@link #required()}; a hidden one must not be.
     *
     * @param answers the answers to the questions shown before this one, by question id; answers to hidden
     *     questions must be left out, since a condition never sees them
     * @return whether the question is shown
     */
    default boolean isShown(Map<String, Answer> answers) {
        Condition condition = condition();
        return condition == null || Conditions.holds(condition, answers);
    }
}
