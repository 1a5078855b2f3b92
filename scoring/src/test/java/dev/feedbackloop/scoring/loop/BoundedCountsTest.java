package dev.feedbackloop.scoring.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class BoundedCountsTest {

    /** A value from a mix that exercises every place a count can live: dense seconds, odd millis, far values. */
    private static long value(SplittableRandom random) {
        switch (random.nextInt(6)) {
            case 0:
                return random.nextLong(-5_000, 5_000) * 1000;
            case 1:
                return random.nextLong(Long.MIN_VALUE + 1, Long.MAX_VALUE);
            case 2:
                return random.nextLong(0, 2_000_000);
            case 3:
                return random.nextLong(0, 40) * 1000;
            default:
                return (1_700_000_000L + random.nextLong(0, 100_000)) * 1000;
        }
    }

    private static List<long[]> pairs(BoundedCounts counts) {
        List<long[]> pairs = new ArrayList<>();
        try (BoundedCounts.Cursor cursor = counts.cursor()) {
            while (cursor.next()) {
                pairs.add(new long[] {cursor.value(), cursor.count()});
            }
        }
        return pairs;
    }

    private static List<long[]> pairs(TreeMap<Long, Long> oracle) {
        List<long[]> pairs = new ArrayList<>();
        oracle.forEach((v, c) -> pairs.add(new long[] {v, c}));
        return pairs;
    }

    @ParameterizedTest(name = "budget {0} bytes")
    @ValueSource(longs = {0, 2_000, 50_000, BoundedCounts.DEFAULT_BUDGET})
    void cursor_seededRandomMix_givesExactlyTheSortedCountsOfAnOracle(long budget, Seed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        TreeMap<Long, Long> oracle = new TreeMap<>();
        try (BoundedCounts counts = new BoundedCounts(budget)) {
            for (int i = 0; i < 40_000; i++) {
                long v = value(random);
                long c = random.nextInt(10) == 0 ? 1 + random.nextInt(1000) : 1;
                counts.add(v, c);
                oracle.merge(v, c, Long::sum);
            }
            assertThat(counts.total()).isEqualTo(oracle.values().stream().mapToLong(Long::longValue).sum());
            assertThat(pairs(counts)).containsExactlyElementsOf(pairs(oracle));
            if (budget < BoundedCounts.DEFAULT_BUDGET) {
                assertThat(counts.runs()).as("spilled runs").isPositive();
            }
        }
    }

    @Test
    void removeBelowInMemory_countsWhatItRemovesAndKeepsTheRest(Seed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        TreeMap<Long, Long> oracle = new TreeMap<>();
        BoundedCounts counts = new BoundedCounts();
        for (int i = 0; i < 50_000; i++) {
            long v = random.nextInt(4) == 0 ? random.nextLong(0, 3_000_000) : random.nextLong(0, 3_000) * 1000;
            counts.add(v);
            oracle.merge(v, 1L, Long::sum);
        }
        long bound = 1_234_567;
        long expected = oracle.headMap(bound).values().stream().mapToLong(Long::longValue).sum();
        assertThat(counts.removeBelowInMemory(bound)).isEqualTo(expected);
        oracle.headMap(bound).clear();
        assertThat(pairs(counts)).containsExactlyElementsOf(pairs(oracle));
    }

    @Test
    void manyDistinctSecondsInAFewDays_fitInDenseBlocksWithoutSpilling(Seed seed) {
        // Like the generated help desk: response times uniform over five days, to the second.
        SplittableRandom random = new SplittableRandom(seed.value());
        try (BoundedCounts counts = new BoundedCounts()) {
            for (int i = 0; i < 1_000_000; i++) {
                counts.add((60 + random.nextLong(5 * 86_400)) * 1000);
            }
            assertThat(counts.runs()).isZero();
            assertThat(counts.memoryBytes()).isLessThan(3L << 20);
            assertThat(counts.total()).isEqualTo(1_000_000);
        }
    }

    @Test
    void manyDistinctMillis_spillWithinBudgetAndLeaveNoFileAfterClose(Seed seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed.value());
        long budget = 256 << 10;
        BoundedCounts counts = new BoundedCounts(budget);
        long maxMemory = 0;
        for (int i = 0; i < 300_000; i++) {
            counts.add(random.nextLong(0, Long.MAX_VALUE));
            maxMemory = Math.max(maxMemory, counts.memoryBytes());
        }
        assertThat(maxMemory).isLessThanOrEqualTo(budget);
        assertThat(counts.runs()).isBetween(1, 17);
        Path file = counts.spillPath();
        assertThat(file).isNotNull();
        assertThat(pairs(counts).stream().mapToLong(p -> p[1]).sum()).isEqualTo(300_000);
        counts.close();
        assertThat(Files.exists(file)).isFalse();
        assertThat(counts.total()).isZero();
    }

    @Test
    void add_oneSecondManyTimesInADenseBlock_countsPastTheByteCounters() {
        TreeMap<Long, Long> oracle = new TreeMap<>();
        try (BoundedCounts counts = new BoundedCounts()) {
            // Enough distinct seconds of one range, repeatedly, for the range to get a dense block.
            for (int round = 0; round < 3; round++) {
                for (long s = 0; s < 1024; s++) {
                    counts.add(s * 1000);
                    oracle.merge(s * 1000, 1L, Long::sum);
                }
            }
            for (int i = 0; i < 100_000; i++) {
                counts.add(7_000);
                counts.add(8_000, 3);
            }
            oracle.merge(7_000L, 100_000L, Long::sum);
            oracle.merge(8_000L, 300_000L, Long::sum);
            assertThat(counts.memoryBytes()).as("dense").isLessThan(16 << 10);
            assertThat(counts.total()).isEqualTo(3 * 1024 + 400_000);
            assertThat(pairs(counts)).containsExactlyElementsOf(pairs(oracle));
        }
    }
}
