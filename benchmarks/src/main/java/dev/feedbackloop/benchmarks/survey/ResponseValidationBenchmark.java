package dev.feedbackloop.benchmarks.survey;

import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
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
 * <p>{@code parseJson} is the baseline ({@link SurveyJson#readResponse(String)}, streamed into a {@link Response});
 * {@code surveyRules} is {@link ResponseValidator#surveyRulesOnly()}; {@code surveyRulesAndConstraints} is
 * {@link ResponseValidator#standard()}, which adds the Bean Validation constraints checked in plain code;
 * {@code surveyRulesAndBeanValidation} is {@link ResponseValidator#withBeanValidation()}, the same constraints
 * through Hibernate Validator; {@code parseAndValidate} is the whole per-response path of a host that receives
 * JSON. The design rule: validation must cost less than the parse. Run with:
 *
 * <pre>
 * mvn -B -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar survey.ResponseValidationBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseValidationBenchmark {

    private Survey survey;
    private Response response;

    /** Reads the survey and the response once, and checks that the response is valid. */
    @Setup
    public void setUp() {
        survey = Fixtures.survey();
        response = Fixtures.JSON.readResponse(Fixtures.DETRACTOR);
        ResponseValidator.standard().validate(survey, response).orThrow();
        ResponseValidator.withBeanValidation().validate(survey, response).orThrow();
    }

    /**
     * The baseline: reading one response from JSON.
     *
     * @return the response
     */
    @Benchmark
    public Response parseJson() {
        return Fixtures.JSON.readResponse(Fixtures.DETRACTOR);
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
     * The survey-aware rules and the constraints in plain code: {@link ResponseValidator#standard()}.
     *
     * @return the result
     */
    @Benchmark
    public ValidationResult surveyRulesAndConstraints() {
        return ResponseValidator.standard().validate(survey, response);
    }

    /**
     * The survey-aware rules and the constraints through Hibernate Validator.
     *
     * @return the result
     */
    @Benchmark
    public ValidationResult surveyRulesAndBeanValidation() {
        return ResponseValidator.withBeanValidation().validate(survey, response);
    }

    /**
     * Reading and fully validating one response.
     *
     * @return the result
     */
    @Benchmark
    public ValidationResult parseAndValidate() {
        return ResponseValidator.standard().validate(survey, Fixtures.JSON.readResponse(Fixtures.DETRACTOR));
    }
}
