package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.survey.Answer;
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
     * A response's answers as words, for one line: {@code nps 3}, option ids, {@code yes}, or the text.
     *
     * @param answer the answer
     * @return the answer in words
     */
    public static String answer(Answer answer) {
        if (answer instanceof Answer.Rating rating) {
            return String.valueOf(rating.value());
        } else if (answer instanceof Answer.Choice choice) {
            String options = String.join(", ", choice.optionIds());
            return choice.otherText() == null ? options
                    : options.isEmpty() ? "other: " + choice.otherText() : options + ", other: " + choice.otherText();
        } else if (answer instanceof Answer.Text text) {
            return text.text();
        } else if (answer instanceof Answer.YesNo yesNo) {
            return yesNo.value() ? "yes" : "no";
        }
        throw new AssertionError("unknown answer type " + answer.getClass().getName());
    }
}
