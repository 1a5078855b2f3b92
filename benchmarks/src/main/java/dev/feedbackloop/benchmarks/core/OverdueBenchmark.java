package dev.feedbackloop.benchmarks.core;

import dev.feedbackloop.benchmarks.survey.Fixtures;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.survey.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The overdue query ({@code followUps().overdue(FIRST_CONTACT, now)}) over a million open follow-ups in the in-memory
 * store, with 10 of them overdue, against a hand-written {@code TreeMap} from deadline to follow-up id holding the
 * same deadlines (the ideal index: {@code headMap(now)}). The query should cost microseconds and grow with the
 * logarithm of the open follow-ups, not with their number; {@code size} shows it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar core.OverdueBenchmark -f 1 -wi 3 -i 5} (the setup
 * submits the responses through the loop, which takes a while).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class OverdueBenchmark {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration SLA = Duration.ofHours(48);
    private static final int OVERDUE = 10;

    /** The number of open follow-ups. */
    @Param({"10000", "1000000"})
    public int size;

    private FeedbackLoop loop = FeedbackLoop.builder().build();
    private final TreeMap<Instant, String> index = new TreeMap<>();
    private Instant now = START;

    /** A clock that the setup moves forward by a minute per response. */
    private static final class SteppingClock extends Clock {
        private Instant instant = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }

    /** Submits {@code size} detractors a minute apart, each opening a follow-up due 48 hours later. */
    @Setup
    public void setUp() {
        SteppingClock clock = new SteppingClock();
        loop = FeedbackLoop.builder().clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", SLA)).build();
        loop.register(Fixtures.survey());
        Response detractor = Fixtures.JSON.readResponse(Fixtures.DETRACTOR);
        for (int i = 0; i < size; i++) {
            clock.instant = START.plusSeconds(60L * i);
            Receipt receipt = loop.submit(Fixtures.copy(detractor, "r-" + i, "c-" + i, clock.instant));
            if (!receipt.needsFollowUp()) {
                throw new IllegalStateException("response r-" + i + " opened no follow-up, expected one");
            }
        }
        loop.forEachFollowUp(f -> index.put(f.due(DeadlineKind.FIRST_CONTACT), f.id()));
        // Just after the tenth deadline: exactly ten follow-ups are overdue.
        now = START.plus(SLA).plusSeconds(60L * (OVERDUE - 1) + 30);
        int found = loop.followUps().overdue(DeadlineKind.FIRST_CONTACT, now).size();
        if (found != OVERDUE) {
            throw new IllegalStateException(found + " overdue follow-ups, expected " + OVERDUE);
        }
    }

    /**
     * The overdue query of the tracker.
     *
     * @return the overdue follow-ups
     */
    @Benchmark
    public List<FollowUp> overdue() {
        return loop.followUps().overdue(DeadlineKind.FIRST_CONTACT, now);
    }

    /**
     * The baseline: the overdue ids from a sorted map of deadlines.
     *
     * @return the overdue ids
     */
    @Benchmark
    public List<String> baselineTreeMap() {
        List<String> overdue = new ArrayList<>();
        for (Map.Entry<Instant, String> entry : index.headMap(now).entrySet()) {
            overdue.add(entry.getValue());
        }
        return overdue;
    }
}
