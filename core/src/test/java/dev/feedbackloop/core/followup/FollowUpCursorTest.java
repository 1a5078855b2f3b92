package dev.feedbackloop.core.followup;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FollowUpCursorTest {

    private static FollowUp opened(String responseId) {
        return FollowUp.open(responseId, "relationship", "nps-detractor", "detractor", Priority.HIGH, "ana", null,
                Map.of(), T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
    }

    @Test
    void token_isUrlSafe_andParsesBackToTheSameCursor() {
        var cursor = new FollowUpCursor(DeadlineKind.RESOLUTION, T0.plusNanos(123_456_789), "r:1/ü ß?&=/policy");

        String token = cursor.token();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(FollowUpCursor.parse(token)).isEqualTo(cursor);
    }

    @Test
    void after_takesTheDeadlineOfTheKindAndTheId() {
        FollowUp followUp = opened("r1");

        assertThat(FollowUpCursor.after(followUp, DeadlineKind.RESOLUTION))
                .isEqualTo(new FollowUpCursor(DeadlineKind.RESOLUTION, T0.plus(Duration.ofHours(2)), "r1/nps-detractor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a cursor", "2:FIRST_CONTACT:0:0:r", "1:SOON:0:0:r", "1:FIRST_CONTACT:x:0:r",
            "1:FIRST_CONTACT:0:1000000000:r", "1:FIRST_CONTACT:0:0:", "1:FIRST_CONTACT:0:0: "})
    void parse_anotherText_isInvalidInputOnTheCursorField(String text) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> FollowUpCursor.parse(token)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void parse_notBase64_isInvalidInputOnTheCursorField() {
        assertThatThrownBy(() -> FollowUpCursor.parse("not a token!")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void precedes_comparesByDeadlineThenId() {
        FollowUp b = opened("b");
        FollowUpCursor cursor = FollowUpCursor.after(b, DeadlineKind.FIRST_CONTACT);

        assertThat(cursor.precedes(opened("a"))).isFalse();
        assertThat(cursor.precedes(b)).isFalse();
        assertThat(cursor.precedes(opened("c"))).isTrue();
        assertThat(new FollowUpCursor(DeadlineKind.FIRST_CONTACT, b.firstContactDue().plusNanos(1_000), "a")
                .precedes(opened("z"))).isFalse();
    }

    @Test
    void requireOrderedBy_anotherDeadline_isInvalidInput() {
        FollowUpCursor cursor = FollowUpCursor.after(opened("a"), DeadlineKind.RESOLUTION);

        assertThat(cursor.requireOrderedBy(DeadlineKind.RESOLUTION)).isSameAs(cursor);
        assertThatThrownBy(() -> cursor.requireOrderedBy(DeadlineKind.FIRST_CONTACT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cursor: comes from a list ordered by RESOLUTION; expected a cursor of a list ordered by"
                        + " FIRST_CONTACT");
    }
}
