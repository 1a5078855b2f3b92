package dev.feedbackloop.survey.version;

import java.util.Objects;

/**
 * One difference between two versions of a survey. Immutable.
 *
 * @param questionId the id of the question that changed, or empty for a change to the survey itself
 * @param path what changed, for example {@code "title"} or {@code "questions.csat.scale"}
 * @param impact how much the change matters for pooling results
 * @param description what changed, from what to what
 */
public record Change(String questionId, String path, Impact impact, String description) {

    public Change {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return impact + " " + path + ": " + description;
    }
}
