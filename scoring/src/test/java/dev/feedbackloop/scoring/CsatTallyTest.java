package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(Seeds.class)
final class CsatTallyTest {

    /** Wilson bounds computed independently with 30-digit arithmetic; the first row is the reference vector. */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "150, 200, 75, 68.5659016879542, 80.4918319931825",
        "200, 300, 66.6666666666667, 61.1512456884081, 71.7606552707737",
        "0, 10, 0, 0, 27.7532799862889",
        "10, 10, 100, 72.2467200137111, 100",
        "1, 1, 100, 20.6549314377237, 100",
        "0, 1, 0, 0, 79.3450685622763",
        "1, 2, 50, 9.45312057342307, 90.5468794265769",
        "7, 30, 23.3333333333333, 11.7923881444895, 40.9283261581222",
    })
    void score_isTopTwoShareWithWilsonInterval(long satisfied, long n, double score, double lower, double upper) {
        CsatTally tally = CsatTally.of(5);
        tally.add(5, satisfied);
        tally.add(2, n - satisfied);

        CsatScore result = tally.score();

        assertThat(result.n()).isEqualTo(n);
        assertThat(result.satisfied()).isEqualTo(satisfied);
        assertThat(result.score()).isCloseTo(score, within(1e-9));
        assertThat(result.ci().lower()).isCloseTo(lower, within(1e-9));
        assertThat(result.ci().upper()).isCloseTo(upper, within(1e-9));
    }

    @Test
    void score_countsTopTwoPointsOfTheScale_andMeanOfAllAnswers() {
        CsatTally tally = CsatTally.of(5);
        for (int rating = 1; rating <= 5; rating++) {
            tally.add(rating);
        }
        CsatScore score = tally.score();
        assertThat(score.satisfied()).isEqualTo(2);
        assertThat(score.mean()).isEqualTo(3.0);
        assertThat(score.distribution()).containsExactly(1, 1, 1, 1, 1);
        assertThat(score.count(4)).isEqualTo(1);
    }

    @Test
    void of_withMinMaxAndBox_usesThatBox() {
        CsatTally tally = CsatTally.of(0, 10, 3);
        tally.add(8);
        tally.add(7);
        assertThat(tally.score().satisfied()).isEqualTo(1);
        assertThat(tally.score().mean()).isEqualTo(7.5);
    }

    @Test
    void of_twoPointScale_countsEveryPointAsTopTwo() {
        CsatTally tally = CsatTally.of(2);
        tally.add(1);
        assertThat(tally.score().satisfied()).isEqualTo(1);
    }

    @Test
    void score_withNoAnswers_isNaN() {
        CsatScore score = CsatTally.of(5).score();
        assertThat(score.n()).isZero();
        assertThat(score.score()).isNaN();
        assertThat(score.mean()).isNaN();
        assertThat(score.ci().isDefined()).isFalse();
    }

    @Test
    void add_offScale_isRejected_neverAveraged() {
        CsatTally tally = CsatTally.of(5);
        assertThatThrownBy(() -> tally.add(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7").hasMessageContaining("1..5");
        assertThatThrownBy(() -> tally.add(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void merge_ofAnotherScale_isRejected() {
        assertThatThrownBy(() -> CsatTally.of(5).merge(CsatTally.of(7))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..7").hasMessageContaining("1..5");
        assertThatThrownBy(() -> CsatTally.of(1, 5, 2).merge(CsatTally.of(1, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "1, 12, 2", "1, 5, 0", "1, 5, 6", "-1, 3, 1"})
    void of_invalidScaleOrBox_isRejected(int min, int max, int box) {
        assertThatThrownBy(() -> CsatTally.of(min, max, box)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void merge_randomSplits_equalsOneTally(Seed seed) {
        Random random = seed.random();
        for (int round = 0; round < 100; round++) {
            int points = 2 + random.nextInt(10);
            CsatTally all = CsatTally.of(points);
            CsatTally left = CsatTally.of(points);
            CsatTally right = CsatTally.of(points);
            for (int i = random.nextInt(60); i > 0; i--) {
                int rating = 1 + random.nextInt(points);
                all.add(rating);
                (random.nextBoolean() ? left : right).add(rating);
            }
            left.merge(right);
            CsatScore score = left.score();
            assertThat(score).as("seed %d round %d", seed.value(), round).isEqualTo(all.score());
            if (score.n() > 0) {
                assertThat(score.ci().contains(score.score())).isTrue();
                assertThat(score.ci().lower()).isGreaterThanOrEqualTo(0);
                assertThat(score.ci().upper()).isLessThanOrEqualTo(100);
            }
        }
    }
}
