package dev.feedbackloop.scoring.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Seeds.class)
final class LoopTallyTest {

    private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    private static Instant at(double hours) {
        return T0.plusMillis(Math.round(hours * 3_600_000));
    }

    @Test
    void summary_handComputed() {
        LoopTally tally = LoopTally.of(Duration.ofHours(48));
        tally.add(at(0), at(10));      // responded in 10h, within SLA
        tally.add(at(0), at(48));      // exactly 48h: within SLA (<=)
        tally.add(at(0), at(60));      // 60h: late
        tally.add(at(0), null);        // created 0h: overdue at 100h (0 + 48 < 100)
        tally.add(at(52), null);       // 52 + 48 = 100, not < 100: not overdue
        LoopSummary s = tally.summary(at(100));
        assertThat(s.needed()).isEqualTo(5);
        assertThat(s.contacted()).isEqualTo(3);
        assertThat(s.contactedWithinDeadline()).isEqualTo(2);
        assertThat(s.notContacted()).isEqualTo(2);
        assertThat(s.overdue()).isEqualTo(1);
        assertThat(s.contactedPercent()).isEqualTo(60.0);
        assertThat(s.withinDeadlinePercent()).isEqualTo(40.0);
        // mean (10 + 48 + 60)/3 = 39.333...; median rank ⌈1.5⌉ = 2 -> 48; p90 rank ⌈2.7⌉ = 3 -> 60.
        assertThat(s.timeToContact().meanHours()).isEqualTo(118.0 / 3);
        assertThat(s.timeToContact().medianHours()).isEqualTo(48.0);
        assertThat(s.timeToContact().p90Hours()).isEqualTo(60.0);
    }

    @Test
    void summary_nothingTriggered_hasZeroRatesAndNoTimes() {
        LoopSummary s = LoopTally.of(Duration.ofHours(1)).summary(T0);
        assertThat(s.needed()).isZero();
        assertThat(s.contactedPercent()).isZero();
        assertThat(s.withinDeadlinePercent()).isZero();
        assertThat(s.timeToContact()).isNull();
    }

    @Test
    void add_respondedBeforeCreated_throws() {
        assertThatThrownBy(() -> LoopTally.of(Duration.ZERO).add(at(5), at(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }

    @Test
    void summary_beforeDeclaredBound_throws() {
        LoopTally tally = LoopTally.of(Duration.ofHours(1));
        tally.advanceAsOf(at(10));
        assertThatThrownBy(() -> tally.summary(at(9))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void merge_differentSla_throws() {
        assertThatThrownBy(() -> LoopTally.of(Duration.ofHours(1)).merge(LoopTally.of(Duration.ofHours(2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void advanceAsOfAndMerge_randomRows_giveSameSummaryAsOneTally(Seed seed) {
        Random random = seed.random();
        for (int round = 0; round < 50; round++) {
            Duration sla = Duration.ofHours(random.nextInt(72));
            LoopTally plain = LoopTally.of(sla);
            // Tiny budgets make the parts spill creation times and durations to temporary files.
            LoopTally left = new LoopTally(sla, random.nextBoolean() ? 0 : 1_000);
            LoopTally right = new LoopTally(sla, random.nextBoolean() ? 0 : BoundedCounts.DEFAULT_BUDGET);
            double latest = 0;
            int n = random.nextInt(round < 40 ? 400 : 5_000);
            for (int i = 0; i < n; i++) {
                double created = random.nextInt(2000);
                Instant responded = random.nextInt(3) == 0 ? null : at(created + random.nextInt(100));
                latest = Math.max(latest, created);
                plain.add(at(created), responded);
                LoopTally side = random.nextBoolean() ? left : right;
                if (responded == null) {
                    side.addNotContacted(at(created).toEpochMilli());
                } else {
                    side.addContacted(at(created).toEpochMilli(), responded.toEpochMilli());
                }
                if (random.nextInt(20) == 0) {
                    side.advanceAsOf(at(latest));
                }
            }
            left.merge(right);
            Instant asOf = at(latest + random.nextInt(100));
            assertThat(left.summary(asOf)).as("seed %d round %d", seed.value(), round).isEqualTo(plain.summary(asOf));
        }
    }
}
