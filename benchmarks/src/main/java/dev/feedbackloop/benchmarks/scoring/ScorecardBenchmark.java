package dev.feedbackloop.benchmarks.scoring;

import dev.feedbackloop.benchmarks.pair.PairTimes;
import dev.feedbackloop.benchmarks.pair.Pairs;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * A scorecard of one million responses grouped by two respondent attributes and month, against a hand-written
 * {@link HashMap} loop that counts the same NPS distribution per group (target: the scorecard at least 0.8× the
 * loop's throughput). The scorecard's time includes building the final {@link Scorecard} with every score.
 *
 * <p>{@code scorecardPair} runs both in every call and times each side ({@link PairTimes}): {@code java -cp
 * benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.scoring.ScorecardBenchmark -f 3} prints the ratio
 * with its error ({@link #main(String[])}); {@code java -jar benchmarks/target/benchmarks.jar ScorecardBenchmark -f 1}
 * every method's own time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ScorecardBenchmark {

    private static final int SIZE = 1_000_000;
    private static final ZoneId ZONE = ZoneOffset.UTC;

    private List<Response> responses = List.of();
    private ScorecardSpec spec = ScorecardSpec.builder(survey()).build();

    private static Survey survey() {
        return Survey.builder("relationship", 1).title("Relationship").question(NpsQuestion.standard("nps")).build();
    }

    /** Generates seeded responses: 10,000 customers on 3 plans in 4 regions, over two years, 90% answered. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        String[] plans = {"free", "pro", "enterprise"};
        String[] regions = {"EU", "US", "APAC", "LATAM"};
        Respondent[] customers = new Respondent[10_000];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = Respondent.of("c" + i, Map.of("plan", plans[random.nextInt(plans.length)],
                    "region", regions[random.nextInt(regions.length)]));
        }
        List<Map<String, Answer>> answers = new ArrayList<>();
        for (int rating = 0; rating <= 10; rating++) {
            answers.add(Map.of("nps", Answer.rating(rating)));
        }
        long start = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
        List<Response> list = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            Map<String, Answer> answer = random.nextInt(10) == 0 ? Map.of() : answers.get(random.nextInt(11));
            list.add(new Response("r" + i, "relationship", 1, customers[random.nextInt(customers.length)],
                    Instant.ofEpochSecond(start + random.nextLong(2L * 365 * 86_400)), "email", answer, List.of()));
        }
        responses = list;
        spec = ScorecardSpec.builder(survey()).groupBy("plan", "region").period(Period.MONTH, ZONE).build();
    }

    /**
     * The baseline: a map from "plan|region|month" to an NPS distribution and a response count.
     *
     * @return the counts per group
     */
    @Benchmark
    public Map<String, long[]> baselineHashMapLoop() {
        Map<String, long[]> groups = new HashMap<>();
        for (Response response : responses) {
            Map<String, String> attributes = response.respondent().attributes();
            YearMonth month = YearMonth.from(response.submittedAt().atZone(ZONE));
            String key = attributes.get("plan") + "|" + attributes.get("region") + "|" + month;
            long[] counts = groups.computeIfAbsent(key, k -> new long[12]);
            counts[11]++;
            if (response.answers().get("nps") instanceof Answer.Rating rating) {
                counts[rating.value()]++;
            }
        }
        return groups;
    }

    /**
     * The scorecard, from the plain loop API, including the final scores.
     *
     * @return the scorecard
     */
    @Benchmark
    public Scorecard scorecard() {
        return spec.score(responses);
    }

    /**
     * {@link #scorecard} and {@link #baselineHashMapLoop} in one call, each side timed.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception never
     */
    @Benchmark
    public long scorecardPair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> scorecard().responses(), () -> baselineHashMapLoop().size());
    }

    /**
     * Runs {@code scorecardPair} under JMH and prints its ratio with its error ({@link Pairs#report}).
     *
     * @param args JMH's command-line options
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        Pairs.report(args, ScorecardBenchmark.class.getName() + ".scorecardPair$");
    }
}
