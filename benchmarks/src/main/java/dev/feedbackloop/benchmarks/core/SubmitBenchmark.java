package dev.feedbackloop.benchmarks.core;

import dev.feedbackloop.benchmarks.survey.Fixtures;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory {@code submit} throughput on one and on two threads: every call validates a new response (one in four a
 * detractor that opens a follow-up), stores it and delivers its events. The baseline does the unavoidable part alone
 * on the same responses: validation plus a {@code ConcurrentHashMap.putIfAbsent}. A fresh loop per iteration keeps
 * memory bounded.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar core.SubmitBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SubmitBenchmark {

    private final AtomicLong ids = new AtomicLong();
    private final ResponseValidator validator = ResponseValidator.standard();
    private Survey survey = Fixtures.survey();
    private Response detractor = Fixtures.JSON.readResponse(Fixtures.DETRACTOR);
    private Response promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
    private FeedbackLoop loop = FeedbackLoop.builder().build();
    private ConcurrentHashMap<String, Response> baseline = new ConcurrentHashMap<>();

    /** A fresh loop (in-memory store, NPS detractor policy) and baseline map for every iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
        survey = Fixtures.survey();
        detractor = Fixtures.JSON.readResponse(Fixtures.DETRACTOR);
        promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
        loop = FeedbackLoop.builder().followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        loop.register(survey);
        baseline = new ConcurrentHashMap<>();
    }

    /** Closes the iteration's loop. */
    @TearDown(Level.Iteration)
    public void tearDown() {
        loop.close();
    }

    private Response next() {
        long n = ids.incrementAndGet();
        Response template = (n & 3) == 0 ? detractor : promoter;
        return Fixtures.copy(template, "r-" + n, "c-" + (n % 100_000), Instant.ofEpochSecond(1_704_067_200L + n));
    }

    /**
     * The baseline on one thread: validate, then put into a concurrent map.
     *
     * @return whether the id was new
     */
    @Benchmark
    @Threads(1)
    public boolean baselineValidateAndPut1() {
        Response response = next();
        validator.validate(survey, response).orThrow();
        return baseline.putIfAbsent(response.id(), response) == null;
    }

    /**
     * {@code submit} on one thread.
     *
     * @return the receipt
     */
    @Benchmark
    @Threads(1)
    public Receipt submit1() {
        return loop.submit(next());
    }

    /**
     * The baseline on two threads.
     *
     * @return whether the id was new
     */
    @Benchmark
    @Threads(2)
    public boolean baselineValidateAndPut2() {
        return baselineValidateAndPut1();
    }

    /**
     * {@code submit} on two threads.
     *
     * @return the receipt
     */
    @Benchmark
    @Threads(2)
    public Receipt submit2() {
        return loop.submit(next());
    }
}
