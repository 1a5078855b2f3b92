package dev.feedbackloop.benchmarks.scoring;

import dev.feedbackloop.scoring.CsatTally;
import dev.feedbackloop.scoring.NpsTally;
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
 * Adding 10 million ratings to a tally, against a hand-written counting loop over the same array (target: the
 * tally at least 0.9× the loop's throughput).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TallyBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class TallyBenchmark {

    private static final int SIZE = 10_000_000;

    private int[] nps = new int[0];
    private int[] csat = new int[0];

    /** Fills the arrays with seeded random ratings. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        nps = new int[SIZE];
        csat = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            nps[i] = random.nextInt(11);
            csat[i] = 1 + random.nextInt(5);
        }
    }

    /**
     * The baseline: eleven counters in a plain array.
     *
     * @return the counts
     */
    @Benchmark
    public long[] baselineNpsCountingLoop() {
        long[] counts = new long[11];
        for (int rating : nps) {
            counts[rating]++;
        }
        return counts;
    }

    /**
     * {@link NpsTally#add(int)} over the same ratings.
     *
     * @return the tally
     */
    @Benchmark
    public NpsTally npsTallyAdd() {
        NpsTally tally = new NpsTally();
        for (int rating : nps) {
            tally.add(rating);
        }
        return tally;
    }

    /**
     * The baseline for a 1–5 scale: five counters, offset by the scale's minimum.
     *
     * @return the counts
     */
    @Benchmark
    public long[] baselineCsatCountingLoop() {
        long[] counts = new long[5];
        for (int rating : csat) {
            counts[rating - 1]++;
        }
        return counts;
    }

    /**
     * {@link CsatTally#add(int)} over the same ratings.
     *
     * @return the tally
     */
    @Benchmark
    public CsatTally csatTallyAdd() {
        CsatTally tally = CsatTally.of(5);
        for (int rating : csat) {
            tally.add(rating);
        }
        return tally;
    }
}
