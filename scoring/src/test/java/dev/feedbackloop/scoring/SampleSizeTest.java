package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SampleSizeTest {

    /** n = ⌈(100·z/margin)²⌉ with z = 1.959963984540054, computed independently. */
    @ParameterizedTest
    @CsvSource({"10, 385", "5, 1537", "3, 4269"})
    void npsWorstCase_isCeilingOfZOverMarginSquared(double margin, long expected) {
        assertThat(SampleSize.npsWorstCase(margin, 0.95)).isEqualTo(expected);
    }

    @Test
    void nps_forExpectedDistribution_usesItsVariance() {
        // v = 0.75 - 0.45^2 = 0.5475; 0.5475 * (100 z / 5)^2 = 841.28
        assertThat(SampleSize.nps(5, 0.95, 0.6, 0.15)).isEqualTo(842);
        assertThat(SampleSize.nps(5, 0.95, NpsTallyTest.tally(120, 50, 30).score())).isEqualTo(842);
    }

    @Test
    void nps_aSampleOfTheComputedSize_meetsTheMargin() {
        long n = SampleSize.nps(5, 0.95, 0.6, 0.15);
        NpsScore atN = NpsTallyTest.tally(Math.round(n * 0.6), n - Math.round(n * 0.6) - Math.round(n * 0.15),
                Math.round(n * 0.15)).score();
        assertThat(1.959963984540054 * atN.standardError()).isLessThanOrEqualTo(5.0 + 1e-3);
    }

    @Test
    void share_worstCaseAtHalf() {
        assertThat(SampleSize.share(5, 0.95, 0.5)).isEqualTo(385);
    }

    @Test
    void nps_withSharesAboveOne_isRejected() {
        assertThatThrownBy(() -> SampleSize.nps(5, 0.95, 0.7, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.npsWorstCase(0, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marginPoints");
    }
}
