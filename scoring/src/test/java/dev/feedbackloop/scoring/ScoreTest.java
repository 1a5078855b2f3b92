package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.Polarity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScoreTest {

    /** One instance of every permitted subtype; walking the permitted subclasses keeps this list complete. */
    private static List<Score> examples() {
        return List.of(new NpsTally().score(), CsatTally.of(5).score(), CesTally.of(1, 7, 3, Polarity.LOWER_IS_BETTER)
                .score(), RatingTally.of(0, 10).score());
    }

    @Test
    void everyPermittedSubtype_hasAnExample_withDistributionMatchingItsScale() {
        assertThat(examples()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Score.class.getPermittedSubclasses()));
        for (Score score : examples()) {
            assertThat(score.distribution()).hasSize(score.max() - score.min() + 1);
            assertThat(score.n()).isZero();
            assertThat(score.smallSample()).isTrue();
            assertThat(score.confidence()).isEqualTo(0.95);
        }
    }
}
