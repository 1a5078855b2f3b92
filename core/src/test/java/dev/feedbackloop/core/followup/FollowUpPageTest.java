package dev.feedbackloop.core.followup;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FollowUpPageTest {

    private static FollowUp opened(String responseId) {
        return FollowUp.open(responseId, "relationship", "nps-detractor", "detractor", Priority.HIGH, "ana", null,
                Map.of(), T0, T0.plus(Duration.ofHours(1)), null);
    }

    @Test
    void of_rowsOneLongerThanThePage_keepsThePageAndPointsAfterItsLast() {
        FollowUpPage page = FollowUpPage.of(List.of(opened("a"), opened("b"), opened("c")), 2,
                DeadlineKind.FIRST_CONTACT);

        assertThat(page.items()).extracting(FollowUp::responseId).containsExactly("a", "b");
        assertThat(page.next()).contains(FollowUpCursor.after(opened("b"), DeadlineKind.FIRST_CONTACT));
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void of_rowsThatFitThePage_isTheLastPage() {
        FollowUpPage page = FollowUpPage.of(List.of(opened("a"), opened("b")), 2, DeadlineKind.FIRST_CONTACT);

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void of_emptyPageWithANextCursor_isRefused() {
        FollowUpCursor cursor = FollowUpCursor.after(opened("a"), DeadlineKind.FIRST_CONTACT);

        assertThatThrownBy(() -> FollowUpPage.of(List.of(), cursor)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalPages_areEqual() {
        assertThat(FollowUpPage.of(List.of(opened("a")), null)).isEqualTo(FollowUpPage.of(List.of(opened("a")), null))
                .hasSameHashCodeAs(FollowUpPage.of(List.of(opened("a")), null))
                .isNotEqualTo(FollowUpPage.of(List.of(opened("a")), FollowUpCursor.after(opened("a"),
                        DeadlineKind.FIRST_CONTACT)));
    }
}
