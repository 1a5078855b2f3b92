package dev.feedbackloop.core;

import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Shared test data: one NPS survey, responses to it, follow-ups; used by the store contract tests too. */
public final class Fixtures {

    /** The start of time in tests: Monday 4 March 2024, 09:00 UTC. */
    public static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
    /** The survey id of {@link #survey()}. */
    public static final String SURVEY = "relationship";

    private Fixtures() {
    }

    /**
     * Returns the test survey, v1: an NPS question {@code nps}, an optional text question {@code why} and an
     * optional CSAT question {@code csat} on 1–5.
     *
     * @return the survey
     */
    public static Survey survey() {
        return Survey.builder(SURVEY, 1).title("Relationship")
                .question(NpsQuestion.standard("nps"))
                .question(TextQuestion.optional("why", "Why?"))
                .question(RatingQuestion.builder("csat", "Satisfied?").csat(Scale.of(1, 5)).optional().build())
                .build();
    }

    /**
     * Returns a response to {@link #survey()}.
     *
     * @param id the response id
     * @param customerId the customer, or {@code null} for anonymous
     * @param nps the NPS rating
     * @param why the text answer, or {@code null}
     * @param submittedAt when
     * @return the response, with attributes {@code plan=pro}
     */
    public static Response response(String id, @Nullable String customerId, int nps, @Nullable String why,
                                    Instant submittedAt) {
        return response(id, customerId, nps, why, submittedAt, Map.of("plan", "pro"));
    }

    /**
     * Returns a response to {@link #survey()} with attributes.
     *
     * @param id the response id
     * @param customerId the customer, or {@code null} for anonymous
     * @param nps the NPS rating
     * @param why the text answer, or {@code null}
     * @param submittedAt when
     * @param attributes the respondent attributes
     * @return the response
     */
    public static Response response(String id, @Nullable String customerId, int nps, @Nullable String why,
                                    Instant submittedAt, Map<String, String> attributes) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("nps", Answer.rating(nps));
        if (why != null) {
            answers.put("why", Answer.text(why));
        }
        return new Response(id, SURVEY, 1, new Respondent(customerId, attributes), submittedAt, "web", answers,
                List.of());
    }

    /**
     * Returns a new open follow-up of a response under rule {@code "nps-detractor"}.
     *
     * @param responseId the response
     * @param customerId the customer, or {@code null}
     * @param owner the owner
     * @param priority the priority
     * @param openedAt when it opens
     * @param firstContactWithin the first-contact deadline after opening
     * @return the follow-up
     */
    public static FollowUp followUp(String responseId, @Nullable String customerId, String owner, Priority priority,
                                    Instant openedAt, Duration firstContactWithin) {
        return FollowUp.open(responseId, SURVEY, "nps-detractor", "NPS detractor", priority, owner, customerId,
                Map.of("plan", "pro"), openedAt, openedAt.plus(firstContactWithin),
                openedAt.plus(firstContactWithin.multipliedBy(5)));
    }
}
