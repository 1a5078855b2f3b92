package dev.feedbackloop.scoring.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class DurationTallyTest {

    @ParameterizedTest(name = "q={0} of 1..{1} hours is {2}")
    @CsvSource({"0.5,10,5", "0.9,10,9", "0.5,1,1", "0.9,1,1", "0.5,4,2", "0.9,11,10", "0.5,11,6", "1.0,7,7",
        "0.9,30,27", "0.01,5,1"})
    void percentile_nearestRank_isCeilingRankValue(double q, int n, int expectedHours) {
        DurationTally tally = new DurationTally();
        for (int h = n; h >= 1; h--) {
            tally.add(Duration.ofHours(h));
        }
        assertThat(tally.percentile(q)).isEqualTo(Duration.ofHours(expectedHours));
    }

    @Test
    void summary_handComputed() {
        DurationTally tally = new DurationTally();
        // 1h, 2h, 2h, 4h, 11h: mean 20/5 = 4h; median rank ⌈2.5⌉ = 3 -> 2h; p90 rank ⌈4.5⌉ = 5 -> 11h.
        for (int h : new int[] {4, 2, 11, 1, 2}) {
            tally.add(Duration.ofHours(h));
        }
        DurationSummary s = tally.summary();
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.meanHours()).isEqualTo(4.0);
        assertThat(s.median()).isEqualTo(Duration.ofHours(2));
        assertThat(s.p90Hours()).isEqualTo(11.0);
        assertThat(s.min()).isEqualTo(Duration.ofHours(1));
        assertThat(s.max()).isEqualTo(Duration.ofHours(11));
    }

    @Test
    void summary_empty_throws() {
        assertThatThrownBy(() -> new DurationTally().summary()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void add_negative_throws() {
        assertThatThrownBy(() -> new DurationTally().add(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }

    @Test
    void merge_randomSplits_equalsTallyOfAll(Seed seed) {
        Random random = seed.random();
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(500);
            long[] values = new long[n];
            DurationTally all = new DurationTally();
            DurationTally left = new DurationTally();
            DurationTally right = new DurationTally();
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(50) * 1000L;
                all.addMillis(values[i]);
                (random.nextBoolean() ? left : right).addMillis(values[i]);
            }
            left.merge(right);
            Arrays.sort(values);
            assertThat(left.summary()).as("seed %d", seed.value()).isEqualTo(all.summary());
            assertThat(all.summary().median().toMillis()).as("seed %d", seed.value())
                    .isEqualTo(values[(int) Math.ceil(0.5 * n) - 1]);
            assertThat(all.summary().meanMillis()).as("seed %d", seed.value())
                    .isCloseTo(Arrays.stream(values).average().orElseThrow(),
                            org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    /** Whole seconds over a few days, sub-second values, repeats and huge values, as in adversarial exports. */
    private static long duration(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0:
                return random.nextLong(0, 500_000);
            case 1:
                return random.nextLong(0, Long.MAX_VALUE / 2);
            case 2:
                return random.nextLong(0, 30) * 1000;
            default:
                return (60 + random.nextLong(5 * 86_400)) * 1000;
        }
    }

    /** The summary the definitions give, computed by sorting every value. */
    private static DurationSummary oracle(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        BigInteger sum = BigInteger.ZERO;
        for (long v : sorted) {
            sum = sum.add(BigInteger.valueOf(v));
        }
        double mean = new BigDecimal(sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
        return new DurationSummary(n, mean, Duration.ofMillis(sorted[0]),
                Duration.ofMillis(sorted[(int) Math.ceil(0.5 * n) - 1]),
                Duration.ofMillis(sorted[(int) Math.ceil(0.9 * n) - 1]), Duration.ofMillis(sorted[n - 1]));
    }

    @ParameterizedTest(name = "budget {0} bytes")
    @ValueSource(longs = {0, 4_000, 100_000, 4L << 20})
    void summary_seededRandomMix_equalsSortBasedOracleAtAnyBudget(long budget, Seed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        for (int round = 0; round < 8; round++) {
            int n = 1 + random.nextInt(round < 4 ? 200 : 30_000);
            long[] values = new long[n];
            try (DurationTally tally = new DurationTally(budget)) {
                for (int i = 0; i < n; i++) {
                    values[i] = duration(random);
                    tally.addMillis(values[i]);
                }
                assertThat(tally.summary()).as("round %d, n %d", round, n).isEqualTo(oracle(values));
                long[] sorted = values.clone();
                Arrays.sort(sorted);
                double q = 0.001 + random.nextDouble() * 0.999;
                assertThat(tally.percentile(q).toMillis()).as("q %s", q)
                        .isEqualTo(sorted[(int) DurationTally.rank(q, n) - 1]);
                if (budget == 0 && n > 100) {
                    assertThat(tally.spilledRuns()).as("spilled runs").isPositive();
                }
            }
        }
    }

    @Test
    void merge_isAssociativeAndExactAcrossSpilledParts(Seed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        long[] budgets = {0, 3_000, 4L << 20};
        for (int round = 0; round < 6; round++) {
            List<long[]> parts = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                long[] values = new long[1 + random.nextInt(5_000)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = duration(random);
                }
                parts.add(values);
            }
            long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
            DurationTally[] left = tallies(parts, budgets, round);
            DurationTally[] right = tallies(parts, budgets, round + 1);
            // (a + b) + c
            left[0].merge(left[1]);
            left[0].merge(left[2]);
            // a + (b + c)
            right[1].merge(right[2]);
            right[0].merge(right[1]);
            assertThat(left[0].summary()).as("round %d", round).isEqualTo(right[0].summary())
                    .isEqualTo(oracle(all));
            assertThat(left[1].n()).as("a merged tally is unchanged").isEqualTo(parts.get(1).length);
        }
    }

    private static DurationTally[] tallies(List<long[]> parts, long[] budgets, int shift) {
        DurationTally[] tallies = new DurationTally[parts.size()];
        for (int p = 0; p < tallies.length; p++) {
            tallies[p] = new DurationTally(budgets[(p + shift) % budgets.length]);
            for (long v : parts.get(p)) {
                tallies[p].addMillis(v);
            }
        }
        return tallies;
    }

    @Test
    void merge_itself_throws() {
        DurationTally tally = new DurationTally();
        tally.addMillis(1);
        assertThatThrownBy(() -> tally.merge(tally)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addMillisWithCount_equalsAddingEachDuration() {
        DurationTally counted = new DurationTally();
        counted.addMillis(3_600_000, 3);
        counted.addMillis(1_500, 0);
        counted.addMillis(7_200_001, 2);
        DurationTally added = new DurationTally();
        for (long millis : new long[] {3_600_000, 3_600_000, 3_600_000, 7_200_001, 7_200_001}) {
            added.addMillis(millis);
        }

        assertThat(counted.summary()).isEqualTo(added.summary());
    }

    @Test
    void addMillisWithCount_negativeCount_throws() {
        assertThatThrownBy(() -> new DurationTally().addMillis(5, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    }
}
