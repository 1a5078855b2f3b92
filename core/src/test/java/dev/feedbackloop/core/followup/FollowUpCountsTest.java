package dev.feedbackloop.core.followup;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FollowUpCountsTest {

    private static FollowUp opened(String responseId, String policy, String owner) {
        return FollowUp.open(responseId, "relationship", policy, "detractor", Priority.HIGH, owner, null, Map.of(),
                T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
    }

    @Test
    void constructor_fillsMissingStatesAndKindsWithZero_andDropsZeroCounts() {
        FollowUpCounts counts = new FollowUpCounts(T0, Map.of(FollowUpState.OPEN, 2L), Map.of("ana", 2L, "bob", 0L),
                Map.of("p", 2L), Map.of(DeadlineKind.RESOLUTION, Map.of("p", 1L)));

        assertThat(counts.byState()).containsExactly(entry(FollowUpState.OPEN, 2L),
                entry(FollowUpState.CONTACTED, 0L), entry(FollowUpState.RESOLVED, 0L), entry(FollowUpState.CLOSED, 0L));
        assertThat(counts.openByOwner()).containsExactly(entry("ana", 2L));
        assertThat(counts.overdueByPolicy()).containsExactly(entry(DeadlineKind.FIRST_CONTACT, Map.of()),
                entry(DeadlineKind.RESOLUTION, Map.of("p", 1L)));
    }

    @Test
    void constructor_copiesItsMaps() {
        var owners = new HashMap<String, Long>(Map.of("ana", 1L));
        FollowUpCounts counts = new FollowUpCounts(T0, Map.of(), owners, Map.of(), Map.of());

        owners.put("bob", 3L);

        assertThat(counts.openByOwner()).containsOnlyKeys("ana");
        assertThatThrownBy(() -> counts.openByOwner().put("cleo", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_negativeCount_isRefused() {
        assertThatThrownBy(() -> new FollowUpCounts(T0, Map.of(FollowUpState.CLOSED, -1L), Map.of(), Map.of(),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessage("byState[CLOSED]: -1 is negative");
    }

    @Test
    void counter_countsOpenAsNotDone_andOverdueAsFollowUpIsOverdue() {
        FollowUp open = opened("r1", "p", "ana");
        FollowUp contacted = opened("r2", "q", "bob").contact(Contact.of("phone", "bob", T0, null));
        FollowUp closed = opened("r3", "p", "ana").close(Closure.of("no-answer", "ana", T0, null));
        FollowUp paused = opened("r4", "p", "ana").pause("ana", T0, null);

        FollowUpCounts counts = FollowUpCounts.counter(T0.plus(Duration.ofMinutes(90)))
                .add(open).add(contacted).add(closed).add(paused).counts();

        assertThat(counts.open()).isEqualTo(3);
        assertThat(counts.total()).isEqualTo(4);
        assertThat(counts.openByOwner()).containsExactly(entry("ana", 2L), entry("bob", 1L));
        assertThat(counts.openByPolicy()).containsExactly(entry("p", 2L), entry("q", 1L));
        // the first contact (due after 1 hour) of the open one only; the resolutions are due after 2 hours
        assertThat(counts.overdueByPolicy().get(DeadlineKind.FIRST_CONTACT)).containsExactly(entry("p", 1L));
        assertThat(counts.overdue(DeadlineKind.RESOLUTION)).isZero();
    }

    @Test
    void counter_atTheDeadlineItself_isNotOverdue() {
        FollowUp open = opened("r1", "p", "ana");

        assertThat(FollowUpCounts.counter(open.firstContactDue()).add(open).counts()
                .overdue(DeadlineKind.FIRST_CONTACT)).isZero();
    }
}
