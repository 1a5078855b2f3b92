package dev.feedbackloop.scoring.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void merge_randomSplits_equalsTallyOfAll() {
        long seed = Long.getLong("feedbackloop.seed", System.nanoTime());
        System.out.println("DurationTallyTest seed = " + seed
                + " (rerun with -Dfeedbackloop.seed=" + seed + ")");
        Random random = new Random(seed);
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
            assertThat(left.summary()).as("seed %d", seed).isEqualTo(all.summary());
            assertThat(all.summary().median().toMillis()).as("seed %d", seed)
                    .isEqualTo(values[(int) Math.ceil(0.5 * n) - 1]);
            assertThat(all.summary().meanMillis()).as("seed %d", seed)
                    .isCloseTo(Arrays.stream(values).average().orElseThrow(),
                            org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
