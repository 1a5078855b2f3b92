package dev.feedbackloop.examples.webapp.survey;

import java.util.List;
import java.util.Map;

/**
 * What a customer sent from the survey form: every field's values by name ({@code q.ID} for a question's values,
 * {@code q.ID.other} for its "other" text). Immutable.
 *
 * @param fields the values by field name; copied
 */
public record Answers(Map<String, List<String>> fields) {

    public Answers {
        fields = Map.copyOf(fields);
    }

    /**
     * The non-blank values of a question's field.
     *
     * @param questionId the question
     * @return the values, in the order sent
     */
    public List<String> values(String questionId) {
        return fields.getOrDefault("q." + questionId, List.of()).stream().filter(v -> !v.isBlank()).toList();
    }

    /**
     * The first value of a question's field, or an empty string.
     *
     * @param questionId the question
     * @return the value
     */
    public String value(String questionId) {
        List<String> values = values(questionId);
        return values.isEmpty() ? "" : values.get(0);
    }

    /**
     * The "other" text of a choice question, or an empty string.
     *
     * @param questionId the question
     * @return the text as typed
     */
    public String other(String questionId) {
        List<String> values = fields.getOrDefault("q." + questionId + ".other", List.of());
        return values.isEmpty() ? "" : values.get(0);
    }
}
