package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class IntervalTest {

    @Test
    void of_lowerAboveUpper_isRejectedWithBothBounds() {
        assertThatThrownBy(() -> Interval.of(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2.0, 1.0]");
    }

    @Test
    void of_oneBoundNaN_isRejected() {
        assertThatThrownBy(() -> Interval.of(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undefined_hasNaNBounds_andContainsNothing() {
        assertThat(Interval.undefined().isDefined()).isFalse();
        assertThat(Interval.undefined().lower()).isNaN();
        assertThat(Interval.undefined().contains(0)).isFalse();
    }

    @Test
    void contains_includesBounds() {
        Interval interval = Interval.of(-1, 1);
        assertThat(interval.contains(-1)).isTrue();
        assertThat(interval.contains(1)).isTrue();
        assertThat(interval.contains(1.0000001)).isFalse();
        assertThat(interval.width()).isEqualTo(2);
    }
}
