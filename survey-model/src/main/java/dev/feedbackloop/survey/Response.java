package dev.feedbackloop.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
 * <p>The constructor rejects what can never be valid (blank ids, a version below 1). Sizes are Bean Validation
 * constraints on the components, checked with the survey rules by
 * {@link dev.feedbackloop.survey.ResponseValidator}: ids and channel of at most {@value #MAX_ID_LENGTH}
 * and {@value #MAX_CHANNEL_LENGTH} characters, at most {@value #MAX_ANSWERS} answers.
 *
 * @param id the response id, chosen by the caller; unique per response; at most {@value #MAX_ID_LENGTH} characters
 * @param surveyId the id of the survey answered
 * @param surveyVersion the version of the survey answered
 * @param respondent who answered
 * @param submittedAt when the response was submitted
 * @param channel where it came from (for example {@code "email"}, {@code "in-app"}, {@code "web"}); at most
 *     {@value #MAX_CHANNEL_LENGTH} characters
 * @param answers answers by question id; copied; unanswered questions are absent
 * @param shownOrder the question ids in the order they were shown, for randomised surveys; empty when the
 *     survey's own order was used; copied
 */
public record Response(@Size(max = MAX_ID_LENGTH) String id, @Size(max = MAX_ID_LENGTH) String surveyId,
                       int surveyVersion, @Valid Respondent respondent, Instant submittedAt,
                       @Size(max = MAX_CHANNEL_LENGTH) String channel,
                       @Size(max = MAX_ANSWERS) Map<String, Answer> answers,
                       @Size(max = MAX_ANSWERS) List<String> shownOrder) {

    /** The longest response id or survey id accepted by validation, in characters. */
    public static final int MAX_ID_LENGTH = 128;
    /** The longest channel accepted by validation, in characters. */
    public static final int MAX_CHANNEL_LENGTH = 64;
    /** The most answers (and shown-order entries) accepted by validation. */
    public static final int MAX_ANSWERS = 1_000;

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

    /**
     * Starts a response with the required parts; the respondent defaults to anonymous, the channel to
     * {@code "web"}.
     *
     * @param id the response id (idempotency key)
     * @param survey the survey answered; its id and version are recorded
     * @param submittedAt when the response was submitted
     * @return a builder
     */
    public static Builder builder(String id, Survey survey, Instant submittedAt) {
        return new Builder(id, survey.id(), survey.version(), submittedAt);
    }

    /**
     * Starts a response to a survey named by id and version.
     *
     * @param id the response id (idempotency key)
     * @param surveyId the survey id
     * @param surveyVersion the survey version
     * @param submittedAt when the response was submitted
     * @return a builder
     */
    public static Builder builder(String id, String surveyId, int surveyVersion, Instant submittedAt) {
        return new Builder(id, surveyId, surveyVersion, submittedAt);
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

    /** Builds a {@link Response}; not thread-safe. */
    public static final class Builder {

        private final String id;
        private final String surveyId;
        private final int surveyVersion;
        private final Instant submittedAt;
        private Respondent respondent = Respondent.anonymous();
        private String channel = "web";
        private final Map<String, Answer> answers = new java.util.LinkedHashMap<>();
        private List<String> shownOrder = List.of();

        private Builder(String id, String surveyId, int surveyVersion, Instant submittedAt) {
            this.id = Objects.requireNonNull(id, "id");
            this.surveyId = Objects.requireNonNull(surveyId, "surveyId");
            this.surveyVersion = surveyVersion;
            this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        }

        /**
         * Sets who answered; default anonymous.
         *
         * @param respondent the respondent
         * @return this builder
         */
        public Builder respondent(Respondent respondent) {
            this.respondent = Objects.requireNonNull(respondent, "respondent");
            return this;
        }

        /**
         * Sets the channel; default {@code "web"}.
         *
         * @param channel where the response came from
         * @return this builder
         */
        public Builder channel(String channel) {
            requireText(channel, "channel");
            this.channel = channel;
            return this;
        }

        /**
         * Adds or replaces the answer to a question.
         *
         * @param questionId the question id
         * @param answer the answer
         * @return this builder
         */
        public Builder answer(String questionId, Answer answer) {
            answers.put(Objects.requireNonNull(questionId, "questionId"), Objects.requireNonNull(answer, "answer"));
            return this;
        }

        /**
         * Sets the order in which the questions were shown; default empty (the survey's order).
         *
         * @param questionIds the question ids as shown
         * @return this builder
         */
        public Builder shownOrder(List<String> questionIds) {
            this.shownOrder = List.copyOf(questionIds);
            return this;
        }

        /**
         * Builds the response. Whether it fits its survey is checked by
         * {@link dev.feedbackloop.survey.ResponseValidator}, not here.
         *
         * @return the response
         * @throws IllegalArgumentException if an id is blank or the version is below 1
         */
        public Response build() {
            return new Response(id, surveyId, surveyVersion, respondent, submittedAt, channel, answers, shownOrder);
        }
    }
}
