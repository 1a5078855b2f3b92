package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

final class FollowUpStateTest {

    @ParameterizedTest
    @CsvSource({
        "OPEN,      CONTACTED, true",
        "OPEN,      CLOSED,    true",
        "OPEN,      RESOLVED,  false",
        "OPEN,      OPEN,      false",
        "CONTACTED, RESOLVED,  true",
        "CONTACTED, CLOSED,    true",
        "CONTACTED, OPEN,      false",
        "CONTACTED, CONTACTED, false",
        "RESOLVED,  OPEN,      true",
        "RESOLVED,  CONTACTED, true",
        "RESOLVED,  CLOSED,    false",
        "RESOLVED,  RESOLVED,  false",
        "CLOSED,    OPEN,      true",
        "CLOSED,    CONTACTED, true",
        "CLOSED,    RESOLVED,  false",
        "CLOSED,    CLOSED,    false",
    })
    void canMoveTo_followsTheLifecycle(FollowUpState from, FollowUpState to, boolean legal) {
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
    }

    @ParameterizedTest
    @EnumSource(FollowUpState.class)
    void next_neverContainsItself(FollowUpState state) {
        assertThat(state.next()).doesNotContain(state).isNotEmpty();
    }

    @Test
    void isDone_onlyForResolvedAndClosed() {
        assertThat(EnumSet.allOf(FollowUpState.class)).filteredOn(FollowUpState::isDone)
                .containsExactlyInAnyOrder(FollowUpState.RESOLVED, FollowUpState.CLOSED);
    }
}
