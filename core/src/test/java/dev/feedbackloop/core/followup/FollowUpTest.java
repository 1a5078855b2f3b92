package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class FollowUpTest {

    private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

    private static FollowUp open() {
        return FollowUp.open("r1", "s", "rule", "why", Priority.HIGH, "ana", "c1", Map.of("plan", "pro"), T0,
                T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(2)));
    }

    @Nested
    class Construction {

        @Test
        void open_startsAtVersionOneWithAnOpenedEntry() {
            FollowUp followUp = open();

            assertThat(followUp.id()).isEqualTo("r1/rule");
            assertThat(followUp.version()).isEqualTo(1);
            assertThat(followUp.state()).isEqualTo(FollowUpState.OPEN);
            assertThat(followUp.history()).singleElement()
                    .satisfies(h -> assertThat(h.action()).isEqualTo(FollowUpAction.OPENED));
        }

        @Test
        void open_withDeadlineBeforeOpening_isRefused() {
            assertThatThrownBy(() -> FollowUp.open("r1", "s", "rule", "why", Priority.HIGH, "ana", null, Map.of(),
                    T0, T0.minusSeconds(1), null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not lie before openedAt");
        }

        @Test
        void contactedWithoutContact_cannotExist() {
            FollowUp base = open();

            assertThatThrownBy(() -> new FollowUp(base.id(), 2, base.responseId(), base.surveyId(), base.ruleId(),
                    base.reason(), base.priority(), base.owner(), base.customerId(), base.segment(), base.openedAt(),
                    base.firstContactDue(), base.resolutionDue(), FollowUpState.CONTACTED, null, null, null, null,
                    List.of(), base.history())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("firstContact is required");
        }
    }

    @Nested
    class DeadlineLookup {

        @Test
        void due_returnsEachDeadline() {
            FollowUp followUp = open();

            assertThat(followUp.due(DeadlineKind.FIRST_CONTACT)).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(followUp.due(DeadlineKind.RESOLUTION)).isEqualTo(T0.plus(Duration.ofDays(2)));
        }

        @Test
        void withoutResolutionDeadline_findDueIsEmptyAndDueThrows() {
            FollowUp followUp = FollowUp.open("r1", "s", "rule", "why", Priority.HIGH, "ana", null, Map.of(), T0,
                    T0.plus(Duration.ofHours(2)), null);

            assertThat(followUp.findDue(DeadlineKind.RESOLUTION)).isEmpty();
            assertThat(followUp.findDue(DeadlineKind.FIRST_CONTACT)).contains(T0.plus(Duration.ofHours(2)));
            assertThatThrownBy(() -> followUp.due(DeadlineKind.RESOLUTION))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("r1/rule").hasMessageContaining("RESOLUTION");
        }
    }

    @Nested
    class Steps {

        @Test
        void everyStep_incrementsTheVersionAndAppendsHistory() {
            FollowUp followUp = open().pause("ana", T0.plusSeconds(1), null).resume("ana", T0.plusSeconds(2),
                    T0.plus(Duration.ofHours(3)), null).contact(Contact.of("phone", "ana", T0.plusSeconds(3), null));

            assertThat(followUp.version()).isEqualTo(4);
            assertThat(followUp.history()).extracting(HistoryEntry::action).containsExactly(FollowUpAction.OPENED,
                    FollowUpAction.PAUSED, FollowUpAction.RESUMED, FollowUpAction.CONTACTED);
        }

        @Test
        void pause_twice_isIllegal() {
            FollowUp paused = open().pause("ana", T0, null);

            assertThatThrownBy(() -> paused.pause("ana", T0, null)).isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void resume_running_isIllegal() {
            assertThatThrownBy(() -> open().resume("ana", T0, T0, null))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void escalate_sameDeadlineAndStepTwice_isRefused() {
            Escalation escalation = new Escalation(DeadlineKind.FIRST_CONTACT, T0.plus(Duration.ofHours(2)), 0,
                    "ana", T0.plus(Duration.ofHours(3)));
            FollowUp escalated = open().escalate(escalation);

            assertThat(escalated.isEscalated(DeadlineKind.FIRST_CONTACT, escalation.due(), 0)).isTrue();
            assertThatThrownBy(() -> escalated.escalate(escalation)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void resolveEndsAPause() {
            FollowUp resolved = open().contact(Contact.of("phone", "ana", T0, null)).pause("ana", T0, null)
                    .resolve(Resolution.of("fixed", "bug", "ana", T0, null));

            assertThat(resolved.pausedAt()).isNull();
        }

        @Test
        void anonymised_dropsCustomerAndNotesButKeepsTheVersion() {
            FollowUp worked = open().contact(Contact.of("phone", "ana", T0, "private")).resolve(
                    Resolution.of("fixed", "bug", "ana", T0, "private too"));

            FollowUp anonymous = worked.anonymised();

            assertThat(anonymous.customerId()).isNull();
            assertThat(anonymous.firstContact().note()).isNull();
            assertThat(anonymous.resolution().note()).isNull();
            assertThat(anonymous.history()).extracting(HistoryEntry::note).containsOnlyNulls();
            assertThat(anonymous.version()).isEqualTo(worked.version());
        }
    }

    @Nested
    class Deadlines {

        @Test
        void isOverdue_onlyAfterTheDeadline() {
            FollowUp followUp = open();

            assertThat(followUp.isOverdue(DeadlineKind.FIRST_CONTACT, followUp.firstContactDue())).isFalse();
            assertThat(followUp.isOverdue(DeadlineKind.FIRST_CONTACT, followUp.firstContactDue().plusMillis(1)))
                    .isTrue();
        }

        @Test
        void contactedAtTheDeadline_isWithinIt() {
            FollowUp followUp = open();

            assertThat(followUp.contact(Contact.of("phone", "ana", followUp.firstContactDue(), null))
                    .contactedWithinDeadline()).isTrue();
            assertThat(followUp.contact(Contact.of("phone", "ana", followUp.firstContactDue().plusMillis(1), null))
                    .contactedWithinDeadline()).isFalse();
        }

        @Test
        void resolutionDeadline_pendingUntilDone() {
            FollowUp contacted = open().contact(Contact.of("phone", "ana", T0, null));

            assertThat(contacted.isPending(DeadlineKind.FIRST_CONTACT)).isFalse();
            assertThat(contacted.isPending(DeadlineKind.RESOLUTION)).isTrue();
            assertThat(contacted.close("gone", "ana", T0, null).isPending(DeadlineKind.RESOLUTION)).isFalse();
        }
    }
}
