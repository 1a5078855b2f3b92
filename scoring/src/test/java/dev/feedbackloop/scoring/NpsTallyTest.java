package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class NpsTallyTest {

    private static final double EPS = 1e-9;

    /** A tally with the given bucket counts, promoters as 10, passives as 7, detractors spread over 0..6. */
    static NpsTally tally(long promoters, long passives, long detractors) {
        NpsTally tally = new NpsTally();
        tally.add(10, promoters);
        tally.add(7, passives);
        for (long i = 0; i < detractors; i++) {
            tally.add((int) (i % 7));
        }
        return tally;
    }

    @Nested
    final class Definitions {

        /** Expected values computed independently with 30-digit arithmetic; the first row is the reference vector. */
        @ParameterizedTest(name = "{0}/{1}/{2}")
        @CsvSource({
            // promoters, passives, detractors, score, SE, wald lower, wald upper, adjusted lower, adjusted upper
            "120, 50, 30, 45, 5.23211238411409, 34.7452481640704, 55.2547518359296, 34.1354191790266, 54.5345315598896",
            "150, 90, 60, 30, 4.50924975282289, 21.162032887171, 38.837967112829, 20.9103554394796, 38.4955851545798",
            "5, 3, 2, 30, 24.6981780704569, -18.4075395018526, 78.4075395018526, -19.0506153763637, 65.2044615302098",
            "3, 0, 3, 0, 40.8248290463863, -80.0151946059218, 80.0151946059218, -59.6398047905719, 59.6398047905719",
            "1, 1, 1, 0, 47.1404520791032, -92.3935882899785, 92.3935882899785, -61.1126143380432, 61.1126143380432",
            "40, 30, 30, 10, 8.30662386291807, -6.28068360444041, 26.2806836044404, -6.27193708785022, "
                    + "25.6894128160056",
            // edge cases: n = 1, all promoters, all detractors, all passives
            "1, 0, 0, 100, 0, 100, 100, -48.498649420252, 98.498649420252",
            "0, 0, 1, -100, 0, -100, -100, -98.498649420252, 48.498649420252",
            "0, 1, 0, 0, 0, 0, 0, -60.0113959544414, 60.0113959544414",
            "10, 0, 0, 100, 0, 100, 100, 47.5035515447902, 100",
            "0, 0, 10, -100, 0, -100, -100, -100, -47.5035515447902",
            "0, 10, 0, 0, 0, 0, 0, -18.4650449090589, 18.4650449090589",
        })
        void score_matchesIndependentComputation(long promoters, long passives, long detractors, double score,
                                                 double se, double waldLower, double waldUpper, double adjustedLower,
                                                 double adjustedUpper) {
            NpsTally tally = tally(promoters, passives, detractors);

            NpsScore wald = tally.score();
            NpsScore adjusted = tally.score(ScoreOptions.defaults().withNpsInterval(NpsInterval.ADJUSTED_WALD));

            assertThat(wald.n()).isEqualTo(promoters + passives + detractors);
            assertThat(wald.promoters()).isEqualTo(promoters);
            assertThat(wald.passives()).isEqualTo(passives);
            assertThat(wald.detractors()).isEqualTo(detractors);
            assertThat(wald.score()).isCloseTo(score, within(EPS));
            assertThat(wald.standardError()).isCloseTo(se, within(EPS));
            assertThat(wald.ci().lower()).isCloseTo(waldLower, within(EPS));
            assertThat(wald.ci().upper()).isCloseTo(waldUpper, within(EPS));
            assertThat(adjusted.ci().lower()).isCloseTo(adjustedLower, within(EPS));
            assertThat(adjusted.ci().upper()).isCloseTo(adjustedUpper, within(EPS));
            assertThat(adjusted.score()).isEqualTo(wald.score());
            assertThat(adjusted.standardError()).isEqualTo(wald.standardError());
        }

        @Test
        void score_ofIssueVector_hasPerRespondentVariance05475() {
            NpsScore score = tally(120, 50, 30).score();
            double variance = Math.pow(score.standardError() / 100, 2) * score.n();
            assertThat(variance).isCloseTo(0.5475, within(1e-12));
        }

        @ParameterizedTest
        @CsvSource({"0.90, 36.3939409683722, 53.6060590316278", "0.99, 31.5229716015378, 58.4770283984622"})
        void score_atOtherConfidence_widensOrNarrowsTheWaldInterval(double confidence, double lower, double upper) {
            NpsScore score = tally(120, 50, 30).score(ScoreOptions.defaults().withConfidence(confidence));
            assertThat(score.confidence()).isEqualTo(confidence);
            assertThat(score.ci().lower()).isCloseTo(lower, within(1e-8));
            assertThat(score.ci().upper()).isCloseTo(upper, within(1e-8));
        }

        @Test
        void score_bucketsEveryRating_0to6_7to8_9to10() {
            NpsTally tally = new NpsTally();
            IntStream.rangeClosed(0, 10).forEach(tally::add);
            NpsScore score = tally.score();
            assertThat(score.detractors()).isEqualTo(7);
            assertThat(score.passives()).isEqualTo(2);
            assertThat(score.promoters()).isEqualTo(2);
            assertThat(score.distribution()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        }
    }

    @Nested
    final class EmptyAndSmall {

        @Test
        void score_withNoAnswers_hasZeroCountsAndNaNs() {
            NpsScore score = new NpsTally().score();
            assertThat(score.n()).isZero();
            assertThat(score.score()).isNaN();
            assertThat(score.standardError()).isNaN();
            assertThat(score.ci().isDefined()).isFalse();
            assertThat(score.smallSample()).isTrue();
            assertThat(new NpsTally().score(ScoreOptions.defaults().withNpsInterval(NpsInterval.ADJUSTED_WALD)).ci()
                    .isDefined()).isFalse();
        }

        @Test
        void smallSample_isFlaggedBelowThreshold() {
            assertThat(tally(10, 10, 9).score().smallSample()).isTrue();
            assertThat(tally(10, 10, 10).score().smallSample()).isFalse();
            assertThat(tally(10, 10, 10).score(ScoreOptions.defaults().withSmallSampleThreshold(31)).smallSample())
                    .isTrue();
        }
    }

    @Nested
    final class Input {

        @ParameterizedTest
        @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void add_outsideScale_isRejectedNamingTheValue(int rating) {
            NpsTally tally = new NpsTally();
            assertThatThrownBy(() -> tally.add(rating)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Integer.toString(rating)).hasMessageContaining("0..10");
            assertThat(tally.n()).isZero();
        }

        @Test
        void add_negativeCount_isRejected() {
            assertThatThrownBy(() -> new NpsTally().add(5, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }

        @Test
        void distribution_isACopy() {
            NpsScore score = tally(1, 0, 0).score();
            score.distribution()[10] = 99;
            assertThat(score.count(10)).isEqualTo(1);
        }

        @Test
        void record_withInconsistentCounts_isRejected() {
            long[] distribution = new long[11];
            distribution[10] = 1;
            assertThatThrownBy(() -> new NpsScore(1, 0, 0, 1, -100, 0, Interval.of(-100, -100), 0.95, true,
                    distribution)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    final class Merging {

        @Test
        void merge_randomSplits_equalsOneTallyOfEverything(Seed seed) {
            Random random = seed.random();
            for (int round = 0; round < 200; round++) {
                NpsTally all = new NpsTally();
                NpsTally left = new NpsTally();
                NpsTally right = new NpsTally();
                int size = random.nextInt(100);
                for (int i = 0; i < size; i++) {
                    int rating = random.nextInt(11);
                    all.add(rating);
                    (random.nextBoolean() ? left : right).add(rating);
                }
                left.merge(right);
                NpsScore score = left.score();
                assertThat(score).as("seed %d round %d", seed.value(), round).isEqualTo(all.score());
                if (score.n() > 0) {
                    assertThat(score.score()).isBetween(-100.0, 100.0);
                    assertThat(score.ci().contains(score.score())).isTrue();
                    assertThat(left.score(ScoreOptions.defaults().withNpsInterval(NpsInterval.ADJUSTED_WALD)).ci()
                            .lower()).isBetween(-100.0, 100.0);
                }
            }
        }

        @Test
        void collect_inParallel_equalsSequential(Seed seed) {
            int[] ratings = seed.random().ints(200_000, 0, 11).toArray();
            NpsTally sequential = new NpsTally();
            for (int rating : ratings) {
                sequential.add(rating);
            }
            NpsTally parallel = IntStream.of(ratings).parallel()
                    .collect(NpsTally::new, NpsTally::add, NpsTally::merge);
            assertThat(parallel.score()).isEqualTo(sequential.score());
        }
    }
}
