package dev.feedbackloop.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class SegmentTest {

    @Test
    void of_keepsTheValuesInOrder() {
        assertThat(Segment.of("pro", "EU").values()).containsExactly("pro", "EU");
        assertThat(Segment.of("pro", "EU")).isEqualTo(Segment.of("pro").and("EU"));
    }

    @Test
    void missing_isOneNullValue_withoutBuildingTheListByHand() {
        assertThat(Segment.missing().values()).containsExactly((String) null);
        assertThat(Segment.missing()).isEqualTo(new Segment(Arrays.asList((String) null)));
        assertThat(Segment.of("pro").andMissing()).isEqualTo(new Segment(Arrays.asList("pro", null)));
        assertThat(Segment.missing().and("EU").size()).isEqualTo(2);
    }

    @Test
    void none_isEmpty() {
        assertThat(Segment.none().size()).isZero();
        assertThat(Segment.of()).isEqualTo(Segment.none());
    }

    @Test
    void toString_writesMissingValuesAsSuch() {
        assertThat(Segment.of("pro").andMissing()).hasToString("[pro, (missing)]");
        assertThat(Segment.none()).hasToString("[]");
    }

    @Test
    void values_cannotBeChanged() {
        assertThatThrownBy(() -> Segment.of("pro").values().set(0, "basic"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullValue_isRejectedNamingItsPosition_becauseMissingIsSaidExplicitly() {
        assertThatThrownBy(() -> Segment.of("pro", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("values[1]");
        assertThatThrownBy(() -> Segment.of("pro").and(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
    }
}
