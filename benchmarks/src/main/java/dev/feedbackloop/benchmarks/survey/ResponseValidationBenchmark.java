package dev.feedbackloop.benchmarks.survey;

import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.validation.ResponseValidator;
import dev.feedbackloop.survey.validation.ValidationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What validating one response costs next to reading it from JSON, the baseline in the same run.
 *
 * <p>{@code parseJson} is the baseline (Jackson tree plus mapping to a {@link Response}); {@code surveyRules} is
 * {@link ResponseValidator#surveyRulesOnly()}; {@code surveyRulesAndBeanValidation} is
 * {@link ResponseValidator#standard()}, which adds the Bean Validation constraints; {@code parseAndValidate} is the
 * whole per-response path of a host that receives JSON. Run with:
 *
 * <pre>
 * mvn -B -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar ResponseValidationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseValidationBenchmark {

    static final String SURVEY = """
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

    static final String RESPONSE = "{\"id\":\"0b6c6f0e-3c1f-4f5e-9d7a-2f1c9e5b8a10\",\"surveyId\":\"support-ticket\","
            + "\"surveyVersion\":3,\"respondent\":{\"customerId\":\"c-1042\",\"attributes\":{\"plan\":\"pro\","
            + "\"region\":\"EU\",\"seats\":\"11-50\"}},\"submittedAt\":\"2024-03-05T10:15:30Z\",\"channel\":\"email\","
            + "\"answers\":{\"nps\":{\"type\":\"rating\",\"value\":4},\"reason\":{\"type\":\"choice\",\"optionIds\":"
            + "[\"bugs\"],\"otherText\":\"The app is slow on Mondays\"},\"csat\":{\"type\":\"rating\",\"value\":2},"
            + "\"ces\":{\"type\":\"rating\",\"value\":3},\"resolved\":{\"type\":\"yesNo\",\"value\":false},"
            + "\"comment\":{\"type\":\"text\",\"text\":\"Reply faster, please; we waited two days for an answer.\"}}}";

    private final SurveyJson json = SurveyJson.standard();
    private Survey survey;
    private Response response;

    /** Reads the survey and the response once, and checks that the response is valid. */
    @Setup
    public void setUp() {
        survey = json.readSurvey(SURVEY);
        response = json.readResponse(RESPONSE);
        ResponseValidator.standard().validate(survey, response).orThrow();
    }

    /**
     * The baseline: reading one response from JSON.
     *
     * @return the response
     */
    @Benchmark
    public Response parseJson() {
        return json.readResponse(RESPONSE);
    }

    /**
     * The survey-aware rules only.
     *
     * @return the result
     */
    @Benchmark
    public ValidationResult surveyRules() {
        return ResponseValidator.surveyRulesOnly().validate(survey, response);
    }

    /**
     * The survey-aware rules and the Bean Validation constraints.
     *
     * @return the result
     */
    @Benchmark
    public ValidationResult surveyRulesAndBeanValidation() {
        return ResponseValidator.standard().validate(survey, response);
    }

    /**
     * Reading and fully validating one response.
     *
     * @return the result
     */
    @Benchmark
    public ValidationResult parseAndValidate() {
        return ResponseValidator.standard().validate(survey, json.readResponse(RESPONSE));
    }
}
