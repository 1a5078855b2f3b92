package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(Seeds.class)
final class CesTallyTest {

    static CesTally issueVector() {
        CesTally tally = CesTally.agreement(7);
        long[] counts = {4, 6, 10, 20, 40, 60, 60};
        for (int i = 0; i < counts.length; i++) {
            tally.add(i + 1, counts[i]);
        }
        return tally;
    }

    @Test
    void score_ofIssueVector_matchesPublishedValues() {
        CesScore score = issueVector().score();
        assertThat(score.n()).isEqualTo(200);
        assertThat(score.agree()).isEqualTo(160);
        assertThat(score.score()).isCloseTo(80, within(1e-12));
        assertThat(score.mean()).isCloseTo(5.53, within(1e-12));
        assertThat(score.standardDeviation()).isCloseTo(1.455918436061, within(1e-11));
        assertThat(score.ci().lower()).isCloseTo(5.32822370715219, within(1e-11));
        assertThat(score.ci().upper()).isCloseTo(5.73177629284781, within(1e-11));
        assertThat(score.shareCi().lower()).isCloseTo(73.9144813434621, within(1e-9));
        assertThat(score.shareCi().upper()).isCloseTo(84.9547990739019, within(1e-9));
    }

    @Test
    void score_withOneAnswer_hasPointIntervalAndNoDeviation() {
        CesTally tally = CesTally.agreement(7);
        tally.add(6);
        CesScore score = tally.score();
        assertThat(score.ci()).isEqualTo(Interval.of(6, 6));
        assertThat(score.standardDeviation()).isNaN();
        assertThat(score.agree()).isEqualTo(1);
    }

    @Test
    void score_withNoAnswers_isNaN() {
        CesScore score = CesTally.agreement(7).score();
        assertThat(score.n()).isZero();
        assertThat(score.mean()).isNaN();
        assertThat(score.ci().isDefined()).isFalse();
        assertThat(score.shareCi().isDefined()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        // polarity, box, expected agree among one answer at each point 1..7
        "HIGHER_IS_BETTER, 3, 3",
        "LOWER_IS_BETTER, 3, 3",
        "HIGHER_IS_BETTER, 1, 1",
        "LOWER_IS_BETTER, 2, 2",
    })
    void agree_countsTheBoxAtTheGoodEnd(Polarity polarity, int box, long agree) {
        CesTally tally = CesTally.of(1, 7, box, polarity);
        tally.add(1);
        tally.add(1);
        tally.add(7);
        CesScore score = tally.score();
        long expected = polarity == Polarity.LOWER_IS_BETTER ? 2 : 1;
        assertThat(score.agree()).isEqualTo(expected);
        for (int rating = 2; rating <= 6; rating++) {
            tally.add(rating);
        }
        assertThat(tally.score().agree()).isEqualTo(expected + agree - 1);
    }

    @Test
    void agreement_countsTheTopThreePoints() {
        CesTally tally = CesTally.agreement(7);
        tally.add(1);
        tally.add(5);
        tally.add(7);

        assertThat(tally.polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
        assertThat(tally.topBox()).isEqualTo(CesTally.DEFAULT_TOP_BOX);
        assertThat(tally.score().agree()).isEqualTo(2);
    }

    @Test
    void effort_countsTheBottomThreePoints() {
        CesTally tally = CesTally.effort(7);
        tally.add(1);
        tally.add(3);
        tally.add(7);

        assertThat(tally.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
        assertThat(tally.min()).isEqualTo(1);
        assertThat(tally.max()).isEqualTo(7);
        assertThat(tally.score().agree()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "3, 3", "4, 3"})
    void factories_onSmallScales_capTheBoxAtTheScale(int points, int box) {
        assertThat(CesTally.agreement(points).topBox()).isEqualTo(box);
        assertThat(CesTally.effort(points).topBox()).isEqualTo(box);
    }

    @ParameterizedTest
    @CsvSource({"1", "12"})
    void factories_pointsOutOfRange_areRejectedNamingTheValue(int points) {
        assertThatThrownBy(() -> CesTally.agreement(points)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(points));
        assertThatThrownBy(() -> CesTally.effort(points)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(points));
    }

    @Test
    void add_fromAnotherScale_isAnError() {
        CesTally tally = CesTally.agreement(5);
        assertThatThrownBy(() -> tally.add(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 is outside 1..5");
    }

    @Test
    void merge_ofOtherPolarity_isRejected() {
        assertThatThrownBy(() -> CesTally.of(1, 7, 3, Polarity.HIGHER_IS_BETTER)
                .merge(CesTally.of(1, 7, 3, Polarity.LOWER_IS_BETTER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOWER_IS_BETTER");
    }

    @Test
    void merge_randomSplits_equalsOneTally_andMeanLiesInItsInterval(Seed seed) {
        Random random = seed.random();
        for (int round = 0; round < 100; round++) {
            CesTally all = CesTally.agreement(7);
            CesTally left = CesTally.agreement(7);
            CesTally right = CesTally.agreement(7);
            for (int i = random.nextInt(60); i > 0; i--) {
                int rating = 1 + random.nextInt(7);
                all.add(rating);
                (random.nextBoolean() ? left : right).add(rating);
            }
            left.merge(right);
            CesScore score = left.score();
            assertThat(score).as("seed %d round %d", seed.value(), round).isEqualTo(all.score());
            if (score.n() > 0) {
                assertThat(score.ci().contains(score.mean())).isTrue();
                assertThat(score.shareCi().contains(score.score())).isTrue();
            }
        }
    }
}
