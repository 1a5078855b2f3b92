package dev.feedbackloop.benchmarks.survey;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The survey and response shapes the benchmarks share: a support survey and realistic answers, the same in the survey
 * and the core benchmarks so that their numbers compare.
 */
public final class Fixtures {

    /** The support survey, as JSON. */
    public static final String SURVEY = """
            {"id": "support-ticket", "version": 3, "title": "After your support ticket",
             "questions": [
              {"type": "nps", "id": "nps", "prompt": "How likely are you to recommend us?", "required": true},
              {"type": "choice", "id": "reason", "prompt": "What disappointed you?", "required": true,
               "condition": {"type": "atMost", "question": "nps", "value": 6}, "multiple": true,
               "allowOther": true, "maxSelections": 2,
               "options": [{"id": "price", "label": "Price"}, {"id": "bugs", "label": "Bugs"},
                           {"id": "support", "label": "Support"}]},
              {"type": "rating", "id": "csat", "prompt": "How satisfied are you?", "required": true,
               "kind": "csat", "scale": {"min": 1, "max": 5}},
              {"type": "rating", "id": "ces", "prompt": "It was easy to handle my issue.", "kind": "ces",
               "scale": {"min": 1, "max": 7}},
              {"type": "yesNo", "id": "resolved", "prompt": "Was your issue resolved?"},
              {"type": "text", "id": "comment", "prompt": "What could we have done better?",
               "condition": {"type": "any", "conditions": [
                 {"type": "equals", "question": "resolved", "value": "no"},
                 {"type": "atMost", "question": "csat", "value": 2}]}}
             ]}
            """;

    /** A detractor's response: it opens a follow-up under the NPS detractor policy. */
    public static final String DETRACTOR = "{\"id\":\"0b6c6f0e-3c1f-4f5e-9d7a-2f1c9e5b8a10\",\"surveyId\":\"support-ticket\","
            + "\"surveyVersion\":3,\"respondent\":{\"customerId\":\"c-1042\",\"attributes\":{\"plan\":\"pro\","
            + "\"region\":\"EU\",\"seats\":\"11-50\"}},\"submittedAt\":\"2024-03-05T10:15:30Z\",\"channel\":\"email\","
            + "\"answers\":{\"nps\":{\"type\":\"rating\",\"value\":4},\"reason\":{\"type\":\"choice\",\"optionIds\":"
            + "[\"bugs\"],\"otherText\":\"The app is slow on Mondays\"},\"csat\":{\"type\":\"rating\",\"value\":2},"
            + "\"ces\":{\"type\":\"rating\",\"value\":3},\"resolved\":{\"type\":\"yesNo\",\"value\":false},"
            + "\"comment\":{\"type\":\"text\",\"text\":\"Reply faster, please; we waited two days for an answer.\"}}}";

    /** A promoter's response: no follow-up. */
    public static final String PROMOTER = "{\"id\":\"1b6c6f0e-3c1f-4f5e-9d7a-2f1c9e5b8a10\",\"surveyId\":\"support-ticket\","
            + "\"surveyVersion\":3,\"respondent\":{\"customerId\":\"c-2042\",\"attributes\":{\"plan\":\"free\","
            + "\"region\":\"NA\",\"seats\":\"1-10\"}},\"submittedAt\":\"2024-03-05T11:15:30Z\",\"channel\":\"app\","
            + "\"answers\":{\"nps\":{\"type\":\"rating\",\"value\":10},\"csat\":{\"type\":\"rating\",\"value\":5},"
            + "\"ces\":{\"type\":\"rating\",\"value\":7},\"resolved\":{\"type\":\"yesNo\",\"value\":true}}}";

    /** The reader and writer of the fixtures. */
    public static final SurveyJson JSON = SurveyJson.standard();

    private Fixtures() {
    }

    /**
     * Reads {@link #SURVEY}.
     *
     * @return the survey
     */
    public static Survey survey() {
        return JSON.readSurvey(SURVEY);
    }

    /**
     * The template with another id, customer and submission time.
     *
     * @param template the response to copy
     * @param id the new response id
     * @param customerId the new customer id
     * @param submittedAt the new submission time
     * @return the copy
     */
    public static Response copy(Response template, String id, String customerId, Instant submittedAt) {
        Map<String, Answer> answers = new HashMap<>(template.answers());
        return new Response(id, template.surveyId(), template.surveyVersion(),
                Respondent.of(customerId, template.respondent().attributes()), submittedAt,
                template.channel(), answers, template.shownOrder());
    }
}
