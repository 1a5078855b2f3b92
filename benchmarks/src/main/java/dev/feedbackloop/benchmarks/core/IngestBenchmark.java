package dev.feedbackloop.benchmarks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedbackloop.benchmarks.pair.PairTimes;
import dev.feedbackloop.benchmarks.pair.Pairs;
import dev.feedbackloop.benchmarks.survey.Fixtures;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.validation.ValidationResult;
import java.io.IOException;
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
 * Ingesting one JSON response (parse to a {@link Response}, then every survey rule and Bean Validation constraint)
 * against the bare minimum any host pays, Jackson reading the same bytes into a tree (target: ingest at least 0.6× the
 * baseline's throughput). {@code parse} and {@code parseAndBeanValidate} show the parts: reading alone, and the whole
 * with Hibernate Validator ({@link ResponseValidator#withBeanValidation()}) instead of the plain-code constraints.
 *
 * <p>{@code ingestPair} times both sides in every call, {@value #REPEAT} of each ({@link PairTimes}), for the ratio with
 * its error: {@code java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.core.IngestBenchmark -f 3}
 * ({@link #main(String[])}). Every method's own time: {@code java -jar benchmarks/target/benchmarks.jar
 * core.IngestBenchmark -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IngestBenchmark {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ResponseValidator validator = ResponseValidator.standard();
    private final ResponseValidator beanValidator = ResponseValidator.withBeanValidation();
    private Survey survey;
    private byte[] detractor = new byte[0];

    /** Reads the survey and checks that the response is valid. */
    @Setup
    public void setUp() {
        survey = Fixtures.survey();
        detractor = Fixtures.DETRACTOR.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        validator.validate(survey, Fixtures.JSON.readResponse(detractor)).orThrow();
        beanValidator.validate(survey, Fixtures.JSON.readResponse(detractor)).orThrow();
    }

    /**
     * The baseline: Jackson reads the bytes into a tree, nothing else.
     *
     * @return the tree
     * @throws IOException never, the JSON is valid
     */
    @Benchmark
    public JsonNode baselineJacksonTree() throws IOException {
        return mapper.readTree(detractor);
    }

    /**
     * Parse and validate: what a host pays per response received as JSON.
     *
     * @return the validation result
     */
    @Benchmark
    public ValidationResult parseAndValidate() {
        return validator.validate(survey, Fixtures.JSON.readResponse(detractor));
    }

    /**
     * Parse only: {@code SurveyJson.readResponse} of the same bytes.
     *
     * @return the response
     */
    @Benchmark
    public Response parse() {
        return Fixtures.JSON.readResponse(detractor);
    }

    /**
     * Parse and validate with Hibernate Validator for the constraints, the way {@code standard()} worked before.
     *
     * @return the validation result
     */
    @Benchmark
    public ValidationResult parseAndBeanValidate() {
        return beanValidator.validate(survey, Fixtures.JSON.readResponse(detractor));
    }

    /** Responses each side of {@code ingestPair} reads per call, so that reading the clocks costs next to nothing. */
    static final int REPEAT = 200;

    /**
     * {@link #parseAndValidate} and {@link #baselineJacksonTree}, {@value #REPEAT} times each per call, each side timed.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception never, the JSON is valid
     */
    @Benchmark
    public long ingestPair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> {
            long valid = 0;
            for (int i = 0; i < REPEAT; i++) {
                valid += parseAndValidate().isValid() ? 1 : 0;
            }
            return valid;
        }, () -> {
            long fields = 0;
            for (int i = 0; i < REPEAT; i++) {
                fields += baselineJacksonTree().size();
            }
            return fields;
        });
    }

    /**
     * Runs {@code ingestPair} under JMH and prints its ratio with its error ({@link Pairs#report}).
     *
     * @param args JMH's command-line options
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        Pairs.report(args, IngestBenchmark.class.getName() + ".ingestPair$");
    }
}
