package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.Response;
import java.util.ArrayList;
import java.util.Map;

/**
 * The words of a response: its text answers and "other" texts, joined. The text is returned as the customer wrote
 * it; the templates escape it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Verbatims {

    private Verbatims() {
    }

    /**
     * What a customer wrote in a response.
     *
     * @param response the response
     * @return the texts joined with {@code " / "}, or an empty string
     */
    public static String of(Response response) {
        var texts = new ArrayList<String>();
        for (Map.Entry<String, Answer> entry : response.answers().entrySet()) {
            Answer answer = entry.getValue();
            if (answer instanceof Answer.Text text) {
                texts.add(text.text());
            } else if (answer instanceof Answer.Choice choice && choice.otherText() != null) {
                texts.add(choice.otherText());
            }
        }
        return String.join(" / ", texts);
    }

    /**
     * An answer as words, for one line: the rating, the chosen options by their labels in the survey's own language
     * (an option the question no longer has by its id), {@code yes} or {@code no}, or the text.
     *
     * @param question the question answered
     * @param answer the answer
     * @return the answer in words
     */
    public static String answer(Question question, Answer answer) {
        if (answer instanceof Answer.Rating rating) {
            return String.valueOf(rating.value());
        } else if (answer instanceof Answer.Choice choice) {
            var labels = new ArrayList<String>();
            for (String optionId : choice.optionIds()) {
                labels.add(label(question, optionId));
            }
            String options = String.join(", ", labels);
            return choice.otherText() == null ? options
                    : options.isEmpty() ? "other: " + choice.otherText() : options + ", other: " + choice.otherText();
        } else if (answer instanceof Answer.Text text) {
            return text.text();
        } else if (answer instanceof Answer.YesNo yesNo) {
            return yesNo.value() ? "yes" : "no";
        }
        throw new AssertionError("unknown answer type " + answer.getClass().getName());
    }

    private static String label(Question question, String optionId) {
        if (question instanceof ChoiceQuestion choices) {
            for (ChoiceOption option : choices.options()) {
                if (option.id().equals(optionId)) {
                    return option.label().text();
                }
            }
        }
        return optionId;
    }
}
