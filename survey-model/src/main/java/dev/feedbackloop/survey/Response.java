package dev.feedbackloop.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One submitted response to one version of a survey. Immutable.
 *
 * <p>The {@link #id()} is the caller's idempotency key: submitting the same response twice is safe. Whether the
 * answers fit the survey is checked by validation against the exact survey version named here.
 *
 * @param id the response id, chosen by the caller; unique per response
 * @param surveyId the id of the survey answered
 * @param surveyVersion the version of the survey answered
 * @param respondent who answered
 * @param submittedAt when the response was submitted
 * @param channel where it came from (for example {@code "email"}, {@code "in-app"}, {@code "web"})
 * @param answers answers by question id; copied; unanswered questions are absent
 * @param shownOrder the question ids in the order they were shown, for randomised surveys; empty when the
 *     survey's own order was used; copied
 */
public record Response(String id, String surveyId, int surveyVersion, Respondent respondent, Instant submittedAt,
                       String channel, Map<String, Answer> answers, List<String> shownOrder) {

    public Response {
        requireText(id, "id");
        requireText(surveyId, "surveyId");
        if (surveyVersion < 1) {
            throw new IllegalArgumentException("surveyVersion: " + surveyVersion + " is not positive");
        }
        Objects.requireNonNull(respondent, "respondent");
        Objects.requireNonNull(submittedAt, "submittedAt");
        requireText(channel, "channel");
        answers = Map.copyOf(answers);
        shownOrder = List.copyOf(shownOrder);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Returns the answer to one question.
     *
     * @param questionId the question id
     * @return the answer, or {@code null} when the question was not answered
     */
    public @Nullable Answer answer(String questionId) {
        return answers.get(questionId);
    }
}
