package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class RatingTallyTest {

    @Test
    void score_isMeanWithNormalInterval() {
        RatingTally tally = RatingTally.of(1, 7);
        long[] counts = {4, 6, 10, 20, 40, 60, 60};
        for (int i = 0; i < counts.length; i++) {
            tally.add(i + 1, counts[i]);
        }
        RatingScore score = tally.score();
        assertThat(score.mean()).isCloseTo(5.53, within(1e-12));
        assertThat(score.standardDeviation()).isCloseTo(1.455918436061, within(1e-11));
        assertThat(score.ci().lower()).isCloseTo(5.32822370715219, within(1e-11));
    }

    @Test
    void merge_ofAnotherScale_isRejected() {
        assertThatThrownBy(() -> RatingTally.of(0, 10).merge(RatingTally.of(1, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales never mix");
    }
}
