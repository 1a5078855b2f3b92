package dev.feedbackloop.benchmarks.scoring;

import dev.feedbackloop.benchmarks.pair.PairTimes;
import dev.feedbackloop.benchmarks.pair.Pairs;
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
 * tally at least 0.9× the loop's throughput). {@code npsPair} and {@code csatPair} run both sides in each call and
 * time each side ({@link PairTimes}); on a shared machine two separate methods, run minutes apart, move by ±20 %
 * against each other, the pairs by about 1 %.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.scoring.TallyBenchmark -f 3}
 * for the pairs' ratios with errors ({@link #main(String[])}); {@code java -jar benchmarks/target/benchmarks.jar
 * TallyBenchmark -f 1} for every method's own time.
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

    /**
     * {@link #npsTallyAdd} and {@link #baselineNpsCountingLoop} in one call, each side timed.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception never
     */
    @Benchmark
    public long npsPair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> npsTallyAdd().count(10), () -> baselineNpsCountingLoop()[10]);
    }

    /**
     * {@link #csatTallyAdd} and {@link #baselineCsatCountingLoop} in one call, each side timed.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception never
     */
    @Benchmark
    public long csatPair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> csatTallyAdd().count(5), () -> baselineCsatCountingLoop()[4]);
    }

    /**
     * Runs {@code npsPair} and {@code csatPair} under JMH and prints their ratios with errors ({@link Pairs#report}).
     *
     * @param args JMH's command-line options
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        Pairs.report(args, TallyBenchmark.class.getName() + ".(npsPair|csatPair)$");
    }
}
