package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "from counts / to counts" round trips of the tallies, used to keep tallies in engines' buffers. */
@ExtendWith(Seeds.class)
final class TallyCountsTest {

    @Nested
    final class Nps {

        @Test
        void fromCounts_ofToCounts_scoresTheSame(Random random) {
            NpsTally tally = new NpsTally();
            for (int i = 0; i < 500; i++) {
                tally.add(random.nextInt(11));
            }

            NpsTally copy = NpsTally.fromCounts(tally.toCounts());

            assertThat(copy.score()).isEqualTo(tally.score());
        }

        @Test
        void toCounts_isACopy() {
            NpsTally tally = new NpsTally();
            tally.add(9);

            tally.toCounts()[9] = 100;

            assertThat(tally.count(9)).isEqualTo(1);
        }

        @Test
        void fromCounts_wrongLength_isRejected() {
            assertThatThrownBy(() -> NpsTally.fromCounts(new long[10]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 11");
        }

        @Test
        void fromCounts_negativeCount_isRejected() {
            long[] counts = new long[11];
            counts[3] = -1;

            assertThatThrownBy(() -> NpsTally.fromCounts(counts)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    final class Csat {

        @Test
        void fromCounts_ofToCounts_scoresTheSame() {
            CsatTally tally = CsatTally.of(7);
            tally.add(1);
            tally.add(6, 3);
            tally.add(7, 2);

            CsatTally copy = CsatTally.fromCounts(7, tally.toCounts());

            assertThat(copy.toCounts()).containsExactly(1, 0, 0, 0, 0, 3, 2);
            assertThat(copy.score()).isEqualTo(tally.score());
        }

        @Test
        void fromCounts_countsOfAnotherScale_areRejected() {
            assertThatThrownBy(() -> CsatTally.fromCounts(5, new long[7]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..5");
        }

        @Test
        void fromCounts_negativeCount_leavesNothingCounted() {
            assertThatThrownBy(() -> CsatTally.fromCounts(3, new long[] {4, -1, 2}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts[1]");
        }
    }

    @Nested
    final class Ces {

        @Test
        void fromCounts_ofToCounts_scoresTheSame() {
            CesTally tally = CesTally.agreement(7);
            tally.add(2, 4);
            tally.add(5);
            tally.add(7, 3);

            CesTally copy = CesTally.fromCounts(7, Polarity.HIGHER_IS_BETTER, tally.toCounts());

            assertThat(copy.toCounts()).containsExactly(0, 4, 0, 0, 1, 0, 3);
            assertThat(copy.score()).isEqualTo(tally.score());
        }

        @Test
        void fromCounts_countsOfAnotherScale_areRejected() {
            assertThatThrownBy(() -> CesTally.fromCounts(7, Polarity.HIGHER_IS_BETTER, new long[5]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..7");
        }
    }
}
