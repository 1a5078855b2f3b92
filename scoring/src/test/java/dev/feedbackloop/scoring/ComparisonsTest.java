package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ComparisonsTest {

    @Nested
    final class Nps {

        @Test
        void nps_issueVector_differenceSeZPAndInterval() {
            Comparison c = Comparisons.nps(NpsTallyTest.tally(120, 50, 30).score(),
                    NpsTallyTest.tally(150, 90, 60).score());
            assertThat(c.difference()).isCloseTo(15, within(1e-9));
            assertThat(c.standardError()).isCloseTo(6.90712192836737, within(1e-9));
            assertThat(c.z()).isCloseTo(2.17167152332948, within(1e-9));
            assertThat(c.pValue()).isCloseTo(0.0298804479308224, within(1e-12));
            assertThat(c.ci().lower()).isCloseTo(1.46228978357311, within(1e-9));
            assertThat(c.ci().upper()).isCloseTo(28.5377102164269, within(1e-9));
            assertThat(c.significant()).isTrue();
        }

        @Test
        void nps_isSigned_AminusB() {
            Comparison c = Comparisons.nps(NpsTallyTest.tally(150, 90, 60).score(),
                    NpsTallyTest.tally(120, 50, 30).score());
            assertThat(c.difference()).isCloseTo(-15, within(1e-9));
            assertThat(c.z()).isNegative();
            assertThat(c.pValue()).isCloseTo(0.0298804479308224, within(1e-12));
        }

        @Test
        void nps_withAnEmptySide_isUndefined() {
            Comparison c = Comparisons.nps(new NpsTally().score(), NpsTallyTest.tally(1, 1, 1).score());
            assertThat(c.isDefined()).isFalse();
            assertThat(c.significant()).isFalse();
        }
    }

    @Nested
    final class Shares {

        /** Row 1 is the reference vector; row 2 is Newcombe (1998), Table II example (56/70 vs 48/80). */
        @ParameterizedTest
        @CsvSource({
            "150, 200, 200, 300, 8.33333333333333, 4.18330013267038, 1.99204768222399, 0.046365826437845, "
                    + "0.126851688447773, 16.1166544245358",
            "56, 70, 48, 80, 20, 7.54668012786954, 2.65017195125853, 0.00804508136819658, 5.24314724023649, "
                    + "33.3872654036906",
            "9, 10, 3, 10, 60, 21.9089023002066, 2.73861278752583, 0.00616989932054416, 17.0522723934503, "
                    + "80.9017973535488",
            "5, 50, 5, 50, 0, 6, 0, 1, -12.6887647079395, 12.6887647079395",
        })
        void shares_pooledZAndNewcombeInterval(long xA, long nA, long xB, long nB, double difference, double se,
                                               double z, double p, double lower, double upper) {
            Comparison c = Comparisons.shares(xA, nA, xB, nB, 0.95);
            assertThat(c.difference()).isCloseTo(difference, within(1e-9));
            assertThat(c.standardError()).isCloseTo(se, within(1e-9));
            assertThat(c.z()).isCloseTo(z, within(1e-9));
            assertThat(c.pValue()).isCloseTo(p, within(1e-12));
            assertThat(c.ci().lower()).isCloseTo(lower, within(1e-9));
            assertThat(c.ci().upper()).isCloseTo(upper, within(1e-9));
        }

        @Test
        void csat_comparesSatisfiedShares() {
            CsatTally a = CsatTally.of(5);
            a.add(5, 150);
            a.add(1, 50);
            CsatTally b = CsatTally.of(5);
            b.add(4, 200);
            b.add(3, 100);
            assertThat(Comparisons.csat(a.score(), b.score()).z()).isCloseTo(1.99204768222399, within(1e-9));
        }

        @Test
        void csat_onDifferentScales_isRejected() {
            assertThatThrownBy(() -> Comparisons.csat(CsatTally.of(5).score(), CsatTally.of(7).score()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales never mix");
        }

        @Test
        void shares_withMoreSuccessesThanTrials_isRejected() {
            assertThatThrownBy(() -> Comparisons.shares(3, 2, 1, 2, 0.95))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3/2");
        }
    }

    @Nested
    final class Means {

        @Test
        void cesMean_isWelchZ() {
            CesTally b = CesTally.agreement(7);
            long[] counts = {10, 10, 10, 20, 30, 10, 10};
            for (int i = 0; i < counts.length; i++) {
                b.add(i + 1, counts[i]);
            }
            Comparison c = Comparisons.cesMean(CesTallyTest.issueVector().score(), b.score());
            assertThat(c.difference()).isCloseTo(1.33, within(1e-12));
            assertThat(c.standardError()).isCloseTo(0.201239862754131, within(1e-12));
            assertThat(c.z()).isCloseTo(6.6090285582482, within(1e-10));
            assertThat(c.pValue()).isCloseTo(3.86850096073657e-11, within(1e-20));
            assertThat(c.ci().lower()).isCloseTo(0.93557711674812, within(1e-11));
            assertThat(c.ci().upper()).isCloseTo(1.72442288325188, within(1e-11));
        }

        @Test
        void means_withFewerThanTwoAnswers_isUndefined() {
            assertThat(Comparisons.means(5, Double.NaN, 1, 4, 1, 10, 0.95).isDefined()).isFalse();
        }
    }
}
