package dev.feedbackloop.core.followup;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether a valid response needs a human answer under a {@link FollowUpPolicy}.
 *
 * <p>Stock triggers come from the static factories and combine with {@link #and(Trigger)}, {@link #or(Trigger)}
 * and {@link #negate()}; a host supplies its own as a lambda or with {@link #of(Predicate)}. A trigger must be
 * side-effect free and thread-safe; stock triggers are immutable.
 */
@FunctionalInterface
public interface Trigger {

    /**
     * Returns whether a response needs a human answer.
     *
     * @param survey the survey version the response answers
     * @param response the response, already validated against that survey
     * @return {@code true} to open a follow-up
     */
    boolean test(Survey survey, Response response);

    /**
     * Returns a trigger that fires when both fire.
     *
     * @param other the other trigger
     * @return the conjunction
     */
    default Trigger and(Trigger other) {
        Objects.requireNonNull(other, "other");
        return (survey, response) -> test(survey, response) && other.test(survey, response);
    }

    /**
     * Returns a trigger that fires when either fires.
     *
     * @param other the other trigger
     * @return the disjunction
     */
    default Trigger or(Trigger other) {
        Objects.requireNonNull(other, "other");
        return (survey, response) -> test(survey, response) || other.test(survey, response);
    }

    /**
     * Returns a trigger that fires when this one does not.
     *
     * @return the negation
     */
    default Trigger negate() {
        return (survey, response) -> !test(survey, response);
    }

    /**
     * Returns a trigger from a host predicate on the response.
     *
     * @param predicate the predicate; side-effect free and thread-safe
     * @return the trigger
     */
    static Trigger of(Predicate<Response> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return (survey, response) -> predicate.test(response);
    }

    /**
     * Returns a trigger that fires for NPS detractors: a rating of 0–6 on an NPS question.
     *
     * @param questionId the NPS question id
     * @return the trigger
     */
    static Trigger npsDetractor(String questionId) {
        return ratingAtMost(questionId, 6);
    }

    /**
     * Returns a trigger that fires when a rating answer is at most a value (on the raw scale).
     *
     * @param questionId the rating or NPS question id
     * @param max the highest triggering rating
     * @return the trigger
     */
    static Trigger ratingAtMost(String questionId, int max) {
        Objects.requireNonNull(questionId, "questionId");
        return (survey, response) -> response.answer(questionId) instanceof Answer.Rating rating
                && rating.value() <= max;
    }

    /**
     * Returns a trigger that fires when a rating lies in the bottom {@code boxes} points of its scale, the bad end
     * by the question's {@link Polarity}: for CSAT on 1–5 with {@code boxes = 2}, answers 1 and 2. Works for CSAT,
     * CES, generic ratings and NPS (0–10, higher is better).
     *
     * @param questionId the rating or NPS question id
     * @param boxes how many points at the bad end trigger, at least 1
     * @return the trigger
     */
    static Trigger bottomBoxes(String questionId, int boxes) {
        Objects.requireNonNull(questionId, "questionId");
        if (boxes < 1) {
            throw new IllegalArgumentException("boxes: " + boxes + " is not positive");
        }
        return (survey, response) -> {
            if (!(response.answer(questionId) instanceof Answer.Rating rating)) {
                return false;
            }
            Question question = survey.findQuestion(questionId).orElse(null);
            int min;
            int max;
            boolean higherIsBetter;
            if (question instanceof RatingQuestion ratingQuestion) {
                min = ratingQuestion.scale().min();
                max = ratingQuestion.scale().max();
                higherIsBetter = ratingQuestion.polarity() == Polarity.HIGHER_IS_BETTER;
            } else if (question instanceof NpsQuestion) {
                min = NpsQuestion.MIN;
                max = NpsQuestion.MAX;
                higherIsBetter = true;
            } else {
                return false;
            }
            return higherIsBetter ? rating.value() <= min + boxes - 1 : rating.value() >= max - boxes + 1;
        };
    }

    /**
     * Returns a trigger that fires when a choice answer includes an option.
     *
     * @param questionId the choice question id
     * @param optionId the option id
     * @return the trigger
     */
    static Trigger choice(String questionId, String optionId) {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(optionId, "optionId");
        return (survey, response) -> response.answer(questionId) instanceof Answer.Choice choice
                && choice.optionIds().contains(optionId);
    }

    /**
     * Returns a trigger that fires when a question has any non-blank text: a text answer, or a choice's
     * "other" text.
     *
     * @param questionId the question id
     * @return the trigger
     */
    static Trigger anyText(String questionId) {
        Objects.requireNonNull(questionId, "questionId");
        return (survey, response) -> {
            Answer answer = response.answer(questionId);
            if (answer instanceof Answer.Text text) {
                return !text.text().isBlank();
            }
            return answer instanceof Answer.Choice choice && choice.otherText() != null
                    && !choice.otherText().isBlank();
        };
    }

    /**
     * Returns a trigger that fires when a respondent attribute has one of some values, for example
     * {@code segment("plan", "enterprise")}.
     *
     * @param attribute the attribute name
     * @param values the values that trigger
     * @return the trigger
     */
    static Trigger segment(String attribute, String... values) {
        Objects.requireNonNull(attribute, "attribute");
        Set<String> accepted = Set.of(values);
        return (survey, response) -> {
            String value = response.respondent().attribute(attribute);
            return value != null && accepted.contains(value);
        };
    }

    /**
     * Returns a trigger that fires for every response.
     *
     * @return the trigger
     */
    static Trigger always() {
        return (survey, response) -> true;
    }
}
