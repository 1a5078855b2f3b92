package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

            assertThatThrownBy(() -> new FollowUp(base.id(), 2, base.responseId(), base.surveyId(), base.policyId(),
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
        void erased_dropsCustomerNotesAndFreeTextAndMovesTheVersionOn() {
            FollowUp worked = open().contact(Contact.of("phone", "ana", T0, "private")).resolve(
                    Resolution.of("fixed", "my neighbour's dog", "ana", T0, "private too"));

            FollowUp erased = worked.erased(T0.plusSeconds(9), Set.of("fixed"), Set.of());

            assertThat(erased.customerId()).isNull();
            assertThat(erased.firstContact().note()).isNull();
            assertThat(erased.resolution().note()).isNull();
            assertThat(erased.resolution().code()).isEqualTo("fixed");
            assertThat(erased.resolution().rootCause()).isEqualTo(FollowUp.ERASED_TEXT);
            assertThat(erased.history()).extracting(HistoryEntry::note).containsOnlyNulls();
            assertThat(erased.history()).last().isEqualTo(new HistoryEntry(FollowUpAction.ERASED,
                    FollowUpState.RESOLVED, HistoryEntry.SYSTEM, T0.plusSeconds(9), null));
            assertThat(erased.version()).isEqualTo(worked.version() + 1);
            assertThat(erased.isErased()).isTrue();
            assertThat(erased.state()).isEqualTo(worked.state());
        }

        @Test
        void erased_closeReasonIsErasedToo() {
            FollowUp closed = open().close(Closure.of("customer moved to Spain", "ana", T0, "note"));

            assertThat(closed.erased(T0, Set.of(), Set.of()).closeReason()).isEqualTo(FollowUp.ERASED_TEXT);
        }

        @Test
        void erasedFollowUp_refusesEveryStep() {
            FollowUp erased = open().erased(T0, Set.of(), Set.of());
            var refused = new java.util.ArrayList<FollowUpAction>();
            List<java.util.function.Supplier<FollowUp>> steps = List.of(
                    () -> erased.contact(Contact.of("phone", "ana", T0, null)),
                    () -> erased.close(Closure.of("gone", "ana", T0, null)),
                    () -> erased.pause("ana", T0, null),
                    () -> erased.escalate(new Escalation(DeadlineKind.FIRST_CONTACT, erased.firstContactDue(), 0,
                            "lead", T0)),
                    () -> erased.erased(T0, Set.of(), Set.of()));
            for (var step : steps) {
                try {
                    step.get();
                } catch (IllegalTransitionException e) {
                    assertThat(e).hasMessageContaining("erased");
                    refused.add(e.action());
                }
            }

            assertThat(refused).containsExactly(FollowUpAction.CONTACTED, FollowUpAction.CLOSED,
                    FollowUpAction.PAUSED, FollowUpAction.ESCALATED, FollowUpAction.ERASED);
        }

        @Test
        void texts_mayNotHoldNulOrUnpairedSurrogates_andNotesAreBounded() {
            FollowUp followUp = open();

            assertThatThrownBy(() -> Contact.of("phone", "ana", T0, "a\u0000b"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("note: holds NUL");
            assertThatThrownBy(() -> Contact.of("ph\uD800one", "ana", T0, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("channel");
            assertThatThrownBy(() -> followUp.close(Closure.of("x\uDC00", "ana", T0, null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("reason"));
            String tooLong = "n".repeat(FollowUp.MAX_NOTE_LENGTH + 1);
            assertThatThrownBy(() -> Resolution.of("fixed", "bug", "ana", T0, tooLong))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("20001 code points");
            assertThat(Contact.of("phone", "ana", T0, "\uD83D\uDE00".repeat(FollowUp.MAX_NOTE_LENGTH)).note())
                    .hasSize(2 * FollowUp.MAX_NOTE_LENGTH);
            assertThatThrownBy(() -> followUp.close(Closure.of("r".repeat(FollowUp.MAX_TEXT_LENGTH + 1), "ana", T0,
                    null)))
                    .isInstanceOf(InvalidInputException.class);
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
            assertThat(contacted.close(Closure.of("gone", "ana", T0,
                    null)).isPending(DeadlineKind.RESOLUTION)).isFalse();
        }
    }
}
