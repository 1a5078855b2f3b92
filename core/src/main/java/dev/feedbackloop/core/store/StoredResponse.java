package dev.feedbackloop.core.store;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response as stored: the response and when the feedback loop received it. Immutable.
 *
 * @param response the response (anonymised once its customer is erased)
 * @param receivedAt when it was accepted, from the loop's clock
 */
public record StoredResponse(Response response, Instant receivedAt) {

    public StoredResponse {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * Returns the response id.
     *
     * @return the id
     */
    public String id() {
        return response.id();
    }

    /**
     * Returns this response with every personal trace removed, as {@link FeedbackStore#eraseCustomer(Erasure)}
     * stores it: no customer id, no free-text answers, no "other" text on choices. Ratings, choices, yes/no
     * answers and segment attributes are kept, so that historical scores do not move.
     *
     * @return the anonymised response, received at the same instant
     */
    public StoredResponse anonymised() {
        Map<String, Answer> kept = new LinkedHashMap<>();
        for (var entry : response.answers().entrySet()) {
            Answer answer = entry.getValue();
            if (answer instanceof Answer.Text) {
                continue;
            }
            if (answer instanceof Answer.Choice choice && choice.otherText() != null) {
                answer = new Answer.Choice(choice.optionIds(), null);
            }
            kept.put(entry.getKey(), answer);
        }
        Response anonymous = new Response(response.id(), response.surveyId(), response.surveyVersion(),
                new Respondent(null, response.respondent().attributes()), response.submittedAt(),
                response.channel(), kept, response.shownOrder());
        return new StoredResponse(anonymous, receivedAt);
    }
}
