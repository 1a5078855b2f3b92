package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(Seeds.class)
final class NormalTest {

    @Nested
    final class Cdf {

        /** References computed with 40-digit arithmetic (mpmath ncdf). */
        @ParameterizedTest
        @CsvSource({
            "0, 0.5",
            "1, 0.84134474606854294859",
            "-1, 0.15865525393145705141",
            "0.3, 0.61791142218895263731",
            "-0.46875, 0.31962417151711762604",
            "2.5, 0.99379033467422386483",
            "4.2, 0.99998665425098409366",
            "-3, 0.0013498980316300945267",
            "-5, 2.8665157187919391167e-7",
            "-8, 6.2209605742717841235e-16",
            "-10, 7.619853024160526066e-24",
            "-20, 2.7536241186062336951e-89",
            "-26, 2.4760633155033892858e-149",
            "-37, 5.7255712225245768227e-300",
        })
        void cdf_matchesReferenceToRelative1e12(double x, double expected) {
            assertThat(Normal.cdf(x)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
        }

        @Test
        void cdf_ofTheContract95Constant_is0975() {
            assertThat(Normal.cdf(Normal.Z95)).isCloseTo(0.975, within(1e-15));
        }

        @Test
        void cdf_atInfinities_isZeroAndOne() {
            assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
            assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        }

        @Test
        void twoSidedP_ofZero_isOne_andOfLargeZ_isTiny() {
            assertThat(Normal.twoSidedP(0)).isEqualTo(1.0);
            assertThat(Normal.twoSidedP(-10)).isCloseTo(2 * 7.619853024160526066e-24, within(1e-35));
            assertThat(Normal.twoSidedP(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
            assertThat(Normal.twoSidedP(Double.NaN)).isNaN();
        }
    }

    @Nested
    final class Quantile {

        /** References computed with 50-digit arithmetic (bisection on mpmath ncdf) for the exact double p. */
        @ParameterizedTest
        @CsvSource({
            "0.5, 0",
            "0.975, 1.9599639845400542355",
            "0.025, -1.9599639845400542355",
            "0.995, 2.575829303548900761",
            "0.9, 1.281551565544600467",
            "0.6, 0.2533471031357997988",
            "0.3, -0.52440051270804078404",
            "0.999999, 4.7534243088170877657",
            "1e-6, -4.7534243088228989573",
            "1e-20, -9.2623400897984075796",
            "1e-10, -6.3613409024040562047",
            "1e-100, -21.273453560965324294",
            "1e-300, -37.0470962993611992",
        })
        void quantile_matchesReferenceToRelative1e12(double p, double expected) {
            assertThat(Normal.quantile(p)).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-300));
        }

        @Test
        void quantile_atZeroAndOne_isInfinite() {
            assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void quantile_outsideUnitInterval_isRejected() {
            assertThatThrownBy(() -> Normal.quantile(1.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1.5");
            assertThatThrownBy(() -> Normal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void quantile_invertsCdf_onRandomPoints(Seed seed) {
            Random random = seed.random();
            for (int i = 0; i < 10_000; i++) {
                double x = -random.nextDouble() * 30; // lower tail, where p keeps full relative precision
                double p = Normal.cdf(x);
                assertThat(Normal.quantile(p)).as("seed %d, x %s", seed.value(), x)
                        .isCloseTo(x, within(1e-12 * Math.max(1, Math.abs(x))));
            }
        }
    }

    @Nested
    final class CriticalValue {

        @Test
        void z_at95_isTheContractConstant() {
            assertThat(Normal.z(0.95)).isEqualTo(1.959963984540054);
        }

        @ParameterizedTest
        @CsvSource({"0.90, 1.6448536269514727", "0.99, 2.5758293035489008", "0.5, 0.6744897501960817"})
        void z_atOtherLevels_isTheTwoSidedQuantile(double confidence, double expected) {
            assertThat(Normal.z(confidence)).isCloseTo(expected, within(1e-13));
        }

        @ParameterizedTest
        @CsvSource({"0", "1", "-0.5", "95"})
        void z_atInvalidLevel_isRejected(double confidence) {
            assertThatThrownBy(() -> Normal.z(confidence)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("confidence");
        }
    }
}
