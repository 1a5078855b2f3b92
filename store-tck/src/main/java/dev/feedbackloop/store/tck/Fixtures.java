package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The kit's test data: responses to one NPS survey, the follow-ups a detractor opens, and submissions that carry them
 * as the feedback loop would (a touch and the customer for identified respondents, an event per response and
 * follow-up). Every instant is whole microseconds, the precision that stores must keep.
 */
final class Fixtures {

    /** The start of time in the kit: Monday 4 March 2024, 09:00 UTC. */
    static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
    /** The survey every response answers (version 1): an NPS question {@code nps} and a text question {@code why}. */
    static final String SURVEY = "relationship";
    /** The rule id of every follow-up. */
    static final String RULE = "nps-detractor";

    private Fixtures() {
    }

    /** A response with attributes {@code plan=pro}; {@code customerId} {@code null} is anonymous. */
    static Response response(String id, @Nullable String customerId, int nps, @Nullable String why,
                             Instant submittedAt) {
        return response(id, customerId, nps, why, submittedAt, Map.of("plan", "pro"));
    }

    /** A response with the given attributes; {@code why} {@code null} leaves the text question unanswered. */
    static Response response(String id, @Nullable String customerId, int nps, @Nullable String why,
                             Instant submittedAt, Map<String, String> attributes) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("nps", Answer.rating(nps));
        if (why != null) {
            answers.put("why", Answer.text(why));
        }
        return new Response(id, SURVEY, 1, new Respondent(customerId, attributes), submittedAt, "web", answers,
                List.of());
    }

    /** A new open follow-up of a response, owned by {@code ana}, first contact due 48 hours after opening. */
    static FollowUp followUp(String responseId, @Nullable String customerId, Instant openedAt) {
        return followUp(responseId, customerId, "ana", Priority.HIGH, openedAt, Duration.ofHours(48));
    }

    /** A new open follow-up of a response; resolution is due five first-contact periods after opening. */
    static FollowUp followUp(String responseId, @Nullable String customerId, String owner, Priority priority,
                             Instant openedAt, Duration firstContactWithin) {
        return FollowUp.open(responseId, SURVEY, RULE, "NPS detractor", priority, owner, customerId,
                Map.of("plan", "pro"), openedAt, openedAt.plus(firstContactWithin),
                openedAt.plus(firstContactWithin.multipliedBy(5)));
    }

    /**
     * A submission as the feedback loop makes it: the response, its follow-ups, a {@code SURVEY_ANSWERED} touch and
     * the customer for an identified respondent, and a {@code ResponseAccepted} event followed by a
     * {@code FollowUpOpened} event per follow-up.
     */
    static Submission submission(Response response, Instant receivedAt, List<FollowUp> followUps) {
        String customer = response.respondent().customerId();
        var events = new ArrayList<FeedbackEvent>();
        events.add(new FeedbackEvent.ResponseAccepted(response.id(), response.surveyId(), response.surveyVersion(),
                customer, receivedAt));
        for (FollowUp f : followUps) {
            events.add(new FeedbackEvent.FollowUpOpened(f.id(), f.responseId(), f.policyId(), f.owner(),
                    f.priority(), f.firstContactDue(), customer, receivedAt));
        }
        return new Submission(new StoredResponse(response, receivedAt), followUps,
                customer == null ? List.of()
                        : List.of(Touch.survey(customer, TouchKind.SURVEY_ANSWERED, receivedAt, response.surveyId())),
                customer == null ? null : Customer.of(customer, response.respondent().attributes()), events);
    }

    /** A submission of a response received at {@code T0} that opens no follow-up, counted against a quota. */
    static Submission withQuota(Response response, CustomerQuota quota) {
        Submission plain = submission(response, T0, List.of());
        return new Submission(plain.response(), plain.followUps(), plain.touches(), plain.newCustomer(),
                plain.events(), quota);
    }

    /** A submission of a detractor's response (NPS 3, "slow support") with its follow-up, received when it was sent. */
    static Submission detractor(String responseId, @Nullable String customer, Instant at) {
        return submission(response(responseId, customer, 3, "slow support", at), at,
                List.of(followUp(responseId, customer, at)));
    }

    /** Whether a response's NPS answer makes its respondent a detractor (0 to 6). */
    static boolean isDetractor(Response response) {
        return response.answer("nps") instanceof Answer.Rating rating && rating.value() <= 6;
    }

    /** A survey version with one NPS question and a title; the same version with another title is a conflict. */
    static Survey survey(String id, int version, String title) {
        return Survey.builder(id, version).title(title).question(NpsQuestion.standard("nps")).build();
    }

    /**
     * A survey with every kind of question, conditions, translations, scale anchors and help texts: a store keeps all
     * of it.
     */
    static Survey everyKindOfQuestion() {
        return Survey.builder("support", 3)
                .title(LocalizedText.of("After your support ticket").with("de", "Nach Ihrem Support-Ticket"))
                .description(LocalizedText.of("Two minutes, promise."))
                .question(NpsQuestion.standard("nps"))
                .question(ChoiceQuestion.builder("reason", "What disappointed you?")
                        .option("price", "Price").option("support", "Support").option("bugs", "Bugs")
                        .multiple(1, 2).allowOther().condition(Condition.atMost("nps", 6)).build())
                .question(RatingQuestion.builder("csat", "How satisfied are you with the support?")
                        .csat(new Scale(1, 5, Map.of(1, LocalizedText.of("Very dissatisfied"),
                                5, LocalizedText.of("Very satisfied"))))
                        .helpText("1 = very dissatisfied").build())
                .question(RatingQuestion.builder("ces", "The company made it easy to handle my issue.")
                        .cesAgreement(Scale.of(1, 7)).optional().build())
                .question(YesNoQuestion.builder("resolved", "Was your issue resolved?").optional().build())
                .question(TextQuestion.builder("comment", "What could we have done better? \u00e9\u00e8 \u2603")
                        .maxLength(200).optional()
                        .condition(Condition.any(Condition.equalTo("resolved", "no"), Condition.atMost("csat", 2)))
                        .build())
                .build();
    }
}
