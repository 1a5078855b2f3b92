package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.DidWeRespond;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpAction;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.core.followup.FollowUpPage;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.FollowUpTracker;
import dev.feedbackloop.core.followup.HistoryEntry;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.OwnerRule;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.scoring.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class FollowUpTrackerTest {

    private static final Duration SLA = Duration.ofHours(48);

    private final MutableClock clock = MutableClock.at(T0);
    private final RecordingListener listener = new RecordingListener();
    private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock)
            .followUpPolicy(FollowUpPolicy.builder("nps-detractor").when(Trigger.npsDetractor("nps"))
                    .reason("Detractor").priority(Priority.HIGH)
                    .owner(OwnerRule.attribute("accountOwner", "cs-team"))
                    .firstContactWithin(SLA).resolveWithin(Duration.ofDays(7))
                    .escalate(EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO))
                    .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ofHours(24), "team-lead"))
                    .escalate(EscalationStep.to(DeadlineKind.RESOLUTION, Duration.ZERO, "head-of-cs"))
                    .build())
            .taxonomy(Set.of("refund", "fixed", "explained"), Set.of("billing", "bug", "usability"))
            .listener(listener)
            .build();
    private final FollowUpTracker tracker = loop.followUps();

    FollowUpTrackerTest() {
        loop.register(Fixtures.survey());
    }

    private FollowUp detractor(String responseId, String customer) {
        Receipt receipt = loop.submit(Fixtures.response(responseId, customer, 2, "bad", clock.instant(),
                Map.of("plan", "pro", "accountOwner", "ana")));
        return tracker.followUp(receipt.followUpIds().get(0));
    }

    @Nested
    class Lifecycle {

        @Test
        void contactThenResolve_recordsEveryStepInHistory() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(Duration.ofHours(2));

            FollowUp contacted = tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), "apologised"));
            clock.advance(Duration.ofHours(1));
            FollowUp resolved = tracker.resolve(opened.id(), 2, Resolution.of("refund", "billing", "ana", loop.now(),
                    "refunded"));

            assertThat(resolved.state()).isEqualTo(FollowUpState.RESOLVED);
            assertThat(resolved.version()).isEqualTo(3);
            assertThat(resolved.history()).extracting(HistoryEntry::action, HistoryEntry::actor)
                    .containsExactly(
                            tuple(FollowUpAction.OPENED, HistoryEntry.SYSTEM),
                            tuple(FollowUpAction.CONTACTED, "ana"),
                            tuple(FollowUpAction.RESOLVED, "ana"));
            assertThat(contacted.timeToFirstContact()).isEqualTo(Duration.ofHours(2));
            assertThat(resolved.timeToResolution()).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void owner_comesFromTheAccountOwnerAttribute() {
            assertThat(detractor("r1", "c1").owner()).isEqualTo("ana");
        }

        @Test
        void contact_recordsATouchAndNotifiesListeners() {
            FollowUp opened = detractor("r1", "c1");

            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            assertThat(loop.care().touches("c1")).extracting(t -> t.kind())
                    .contains(TouchKind.FOLLOW_UP_CONTACT);
            assertThat(listener.of(FeedbackEvent.FollowUpContacted.class)).hasSize(1);
        }

        @Test
        void resolve_openFollowUp_isAnIllegalTransition() {
            FollowUp opened = detractor("r1", "c1");

            assertThatThrownBy(() -> tracker.resolve(opened.id(), 1, Resolution.of("refund", "billing", "ana",
                    loop.now(), null)))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(FollowUpState.OPEN);
                        assertThat(e.action()).isEqualTo(FollowUpAction.RESOLVED);
                    })
                    .hasMessageContaining("CONTACTED");
            assertThat(tracker.followUp(opened.id()).version()).isEqualTo(1);
        }

        @Test
        void staleVersion_isAVersionConflict() {
            FollowUp opened = detractor("r1", "c1");
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            assertThatThrownBy(() -> tracker.close(opened.id(), 1, Closure.of("no-answer", "bob", loop.now(), null)))
                    .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                        assertThat(e.expectedVersion()).isEqualTo(1);
                        assertThat(e.actualVersion()).isEqualTo(2);
                    });
        }

        @Test
        void resolve_outsideTheTaxonomy_isRefused() {
            FollowUp opened = detractor("r1", "c1");
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            assertThatThrownBy(() -> tracker.resolve(opened.id(), 2, Resolution.of("magic", "billing", "ana",
                    loop.now(), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("resolution.code"))
                    .hasMessageContaining("code: 'magic'");
        }

        @Test
        void closeThenReopen_returnsToOpenWithFreshDeadlines() {
            FollowUp opened = detractor("r1", "c1");
            tracker.close(opened.id(), 1, Closure.of("no-contact-possible", "ana", loop.now(), null));
            clock.advance(Duration.ofDays(10));

            FollowUp reopened = tracker.reopen(opened.id(), 2, "bob", "customer called in");

            assertThat(reopened.state()).isEqualTo(FollowUpState.OPEN);
            assertThat(reopened.closeReason()).isNull();
            assertThat(reopened.firstContactDue()).isEqualTo(clock.instant().plus(SLA));
        }

        @Test
        void reopen_ofAContactedFollowUp_returnsToContacted() {
            FollowUp opened = detractor("r1", "c1");
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));
            tracker.resolve(opened.id(), 2, Resolution.of("fixed", "bug", "ana", loop.now(), null));

            FollowUp reopened = tracker.reopen(opened.id(), 3, "bob", null);

            assertThat(reopened.state()).isEqualTo(FollowUpState.CONTACTED);
            assertThat(reopened.firstContact()).isNotNull();
        }

        @Test
        void pauseAndResume_movesTheDeadlineByThePausedTime() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(Duration.ofHours(10));
            tracker.pause(opened.id(), 1, "ana", "waiting for logs");
            clock.advance(Duration.ofHours(30));

            FollowUp resumed = tracker.resume(opened.id(), 2, "ana");

            assertThat(resumed.firstContactDue()).isEqualTo(opened.firstContactDue().plus(Duration.ofHours(30)));
            assertThat(resumed.pausedAt()).isNull();
        }

        @Test
        void paused_isNotOverdue() {
            FollowUp opened = detractor("r1", "c1");
            tracker.pause(opened.id(), 1, "ana", null);
            clock.advance(SLA.plusHours(1));

            assertThat(tracker.overdue(DeadlineKind.FIRST_CONTACT, loop.now())).isEmpty();
        }

        @Test
        void contact_inTheFuture_isRefused() {
            FollowUp opened = detractor("r1", "c1");

            assertThatThrownBy(() -> tracker.contact(opened.id(), 1,
                    Contact.of("phone", "ana", T0.plusSeconds(60), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("contact.at"));
        }

        @Test
        void resolve_timedBeforeTheFirstContact_isRefused() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(Duration.ofHours(2));
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            assertThatThrownBy(() -> tracker.resolve(opened.id(), 2, Resolution.of("refund", "billing", "ana",
                    T0.plus(Duration.ofHours(1)), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("resolution.at"));
            assertThat(tracker.followUp(opened.id()).version()).isEqualTo(2);
        }

        @Test
        void close_inTheFuture_isRefused() {
            FollowUp opened = detractor("r1", "c1");

            assertThatThrownBy(() -> tracker.close(opened.id(), 1, Closure.of("no-answer", "ana",
                    loop.now().plusSeconds(1), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("closure.at"));
        }

        @Test
        void close_loggedAfterTheFact_keepsTheAgentsTimeAndEmitsAClosedEvent() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(Duration.ofHours(3));

            FollowUp closed = tracker.close(opened.id(), 1, Closure.of("no-contact-possible", "ana",
                    T0.plus(Duration.ofHours(1)), "three calls"));

            assertThat(closed.closeReason()).isEqualTo("no-contact-possible");
            assertThat(closed.history()).last().satisfies(entry -> {
                assertThat(entry.at()).isEqualTo(T0.plus(Duration.ofHours(1)));
                assertThat(entry.note()).isEqualTo("three calls");
            });
            assertThat(listener.of(FeedbackEvent.FollowUpClosed.class)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("no-contact-possible"));
        }

        @Test
        void contact_atAnInstantFinerThanAMicrosecond_isTakenAtTheLoopsPrecision() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(Duration.ofNanos(1_500));

            FollowUp contacted = tracker.contact(opened.id(), 1, Contact.of("phone", "ana", clock.instant(), null));

            assertThat(contacted.firstContact().at()).isEqualTo(T0.plusNanos(1_000));
        }

        @Test
        void unknownFollowUp_isNotFound() {
            assertThatThrownBy(() -> tracker.contact("nope", 1, Contact.of("phone", "ana", loop.now(), null)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("'nope'");
        }
    }

    @Nested
    class Queries {

        @Test
        void overdue_listsOpenFollowUpsPastTheirDeadline_mostOverdueFirst() {
            FollowUp first = detractor("r1", "c1");
            clock.advance(Duration.ofHours(1));
            FollowUp second = detractor("r2", "c2");
            clock.advance(Duration.ofHours(1));
            FollowUp contacted = detractor("r3", "c3");
            tracker.contact(contacted.id(), 1, Contact.of("email", "ana", loop.now(), null));
            clock.advance(SLA);

            assertThat(tracker.overdue(DeadlineKind.FIRST_CONTACT,
                    loop.now())).extracting(FollowUp::id).containsExactly(first.id(), second.id());
        }

        @Test
        void dueWithin_listsWhatIsDueSoon() {
            FollowUp first = detractor("r1", "c1");
            clock.advance(Duration.ofHours(24));
            detractor("r2", "c2");
            clock.advance(Duration.ofHours(20));

            assertThat(tracker.dueWithin(Duration.ofHours(5),
                    loop.now())).extracting(FollowUp::id).containsExactly(first.id());
        }

        @Test
        void find_byOwnerAndState() {
            detractor("r1", "c1");
            FollowUp other = detractor("r2", "c2");
            tracker.contact(other.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            assertThat(tracker.find(FollowUpQuery.all().withOwner("ana").withState(FollowUpState.CONTACTED)))
                    .extracting(FollowUp::id).containsExactly(other.id());
        }

        @Test
        void overdueAndDueWithin_moreThanAThousand_listEveryOne() {
            for (int i = 0; i < 1_100; i++) {
                detractor("r" + i, "c" + i);
            }

            assertThat(tracker.dueWithin(SLA.plusSeconds(1), loop.now())).hasSize(1_100);
            assertThat(tracker.overdue(DeadlineKind.FIRST_CONTACT, clock.advance(SLA.plusSeconds(1))))
                    .hasSize(1_100);
        }

        @Test
        void page_walksTheQueryInPages_throughTheTokenOfEachCursor() {
            var ids = new ArrayList<String>();
            for (int i = 0; i < 7; i++) {
                ids.add(detractor("r" + i, "c" + i).id());
                clock.advance(Duration.ofMinutes(1));
            }
            FollowUpQuery query = FollowUpQuery.all().withOwner("ana").withLimit(3);

            FollowUpPage first = tracker.page(query, null);
            FollowUpPage second = tracker.page(query, FollowUpCursor.parse(first.next().orElseThrow().token()));
            FollowUpPage third = tracker.page(query, second.next().orElseThrow());

            assertThat(first.items()).extracting(FollowUp::id).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(second.items()).extracting(FollowUp::id).containsExactlyElementsOf(ids.subList(3, 6));
            assertThat(third.items()).extracting(FollowUp::id).containsExactly(ids.get(6));
            assertThat(third.next()).isEmpty();
        }

        @Test
        void page_ofExactlyOnePage_hasNoNextPage() {
            detractor("r1", "c1");
            detractor("r2", "c2");

            assertThat(tracker.page(FollowUpQuery.all().withLimit(2), null).next()).isEmpty();
        }

        @Test
        void overduePage_walksTheOverdueInPages_mostOverdueFirst() {
            var ids = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                ids.add(detractor("r" + i, "c" + i).id());
                clock.advance(Duration.ofMinutes(1));
            }
            Instant asOf = clock.advance(SLA);

            FollowUpPage first = tracker.overduePage(DeadlineKind.FIRST_CONTACT, asOf, 2, null);
            FollowUpPage second = tracker.overduePage(DeadlineKind.FIRST_CONTACT, asOf, 2, first.next().orElseThrow());
            FollowUpPage third = tracker.overduePage(DeadlineKind.FIRST_CONTACT, asOf, 2, second.next().orElseThrow());

            assertThat(first.items()).extracting(FollowUp::id).containsExactlyElementsOf(ids.subList(0, 2));
            assertThat(second.items()).extracting(FollowUp::id).containsExactlyElementsOf(ids.subList(2, 4));
            assertThat(third.items()).extracting(FollowUp::id).containsExactly(ids.get(4));
            assertThat(third.hasNext()).isFalse();
            assertThat(first.next().orElseThrow().orderedBy()).isEqualTo(DeadlineKind.FIRST_CONTACT);
        }

        @Test
        void dueWithinPage_walksTheWindowInPages() {
            FollowUp first = detractor("r1", "c1");
            clock.advance(Duration.ofMinutes(1));
            FollowUp second = detractor("r2", "c2");
            clock.advance(Duration.ofHours(10));
            detractor("r3", "c3");
            Instant asOf = clock.instant();

            FollowUpPage page = tracker.dueWithinPage(SLA.minusHours(9), asOf, 1, null);
            FollowUpPage last = tracker.dueWithinPage(SLA.minusHours(9), asOf, 1, page.next().orElseThrow());

            assertThat(page.items()).containsExactly(first);
            assertThat(last.items()).containsExactly(second);
            assertThat(last.next()).isEmpty();
        }

        @Test
        void page_withACursorOfTheResolutionDeadline_isInvalidInput() {
            FollowUp followUp = detractor("r1", "c1");
            FollowUpCursor resolution = FollowUpCursor.after(followUp, DeadlineKind.RESOLUTION);

            assertThatThrownBy(() -> tracker.page(FollowUpQuery.all(), resolution))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tracker.dueWithinPage(SLA, loop.now(), 10, resolution))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> tracker.overduePage(DeadlineKind.FIRST_CONTACT, loop.now(), 10, resolution))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void counts_areTheStoresCountsAsOfTheGivenInstant() {
            FollowUp late = detractor("r1", "c1");
            clock.advance(Duration.ofHours(1));
            FollowUp contacted = detractor("r2", "c2");
            tracker.contact(contacted.id(), 1, Contact.of("phone", "ana", loop.now(), null));
            clock.advance(SLA);

            FollowUpCounts counts = tracker.counts(loop.now());

            assertThat(counts.asOf()).isEqualTo(loop.now());
            assertThat(counts.byState()).containsEntry(FollowUpState.OPEN, 1L)
                    .containsEntry(FollowUpState.CONTACTED, 1L);
            assertThat(counts.openByOwner()).containsExactly(entry("ana", 2L));
            assertThat(counts.openByPolicy()).containsExactly(entry(late.policyId(), 2L));
            assertThat(counts.overdueByPolicy().get(DeadlineKind.FIRST_CONTACT))
                    .containsExactly(entry(late.policyId(), 1L));
            assertThat(tracker.counts(T0).overdue(DeadlineKind.FIRST_CONTACT)).isZero();
        }
    }

    @Nested
    class DidWeRespondQuestion {

        @Test
        void promoter_didNotNeedAnAnswer() {
            loop.submit(Fixtures.response("r1", "c1", 10, null, T0));

            assertThat(loop.didWeRespond("r1", loop.now()).verdict()).isEqualTo(DidWeRespond.Verdict.NOT_NEEDED);
        }

        @Test
        void detractorNotYetContacted_isPendingThenMissed() {
            detractor("r1", "c1");

            DidWeRespond before = loop.didWeRespond("r1", loop.now());
            clock.advance(SLA.plusSeconds(1));
            DidWeRespond after = loop.didWeRespond("r1", loop.now());

            assertThat(before.verdict()).isEqualTo(DidWeRespond.Verdict.PENDING);
            assertThat(after.verdict()).isEqualTo(DidWeRespond.Verdict.MISSED);
            assertThat(after.contacted()).isFalse();
        }

        @Test
        void contactedInTime_isOnTimeWithTheTimeItTook() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(Duration.ofHours(5));
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            DidWeRespond answer = loop.didWeRespond("r1", loop.now());

            assertThat(answer.verdict()).isEqualTo(DidWeRespond.Verdict.ON_TIME);
            assertThat(answer.timeToFirstContact()).isEqualTo(Duration.ofHours(5));
            assertThat(answer.firstContactAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
            assertThat(answer.contactedWithinDeadline()).isTrue();
        }

        @Test
        void contactedLate_isLate() {
            FollowUp opened = detractor("r1", "c1");
            clock.advance(SLA.plusHours(1));
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            assertThat(loop.didWeRespond("r1", loop.now()).verdict()).isEqualTo(DidWeRespond.Verdict.LATE);
        }

        @Test
        void unknownResponse_isNotFound() {
            assertThatThrownBy(() -> loop.didWeRespond("nope", loop.now())).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Escalating {

        @Test
        void escalateOverdue_firesEachStepOnceWhenItsTimeComes() {
            FollowUp opened = detractor("r1", "c1");

            assertThat(tracker.escalateOverdue(clock.advance(SLA.plusMinutes(1)))).extracting(Escalation::escalatedTo)
                    .containsExactly("ana");
            assertThat(tracker.escalateOverdue(clock.advance(Duration.ofHours(1)))).isEmpty();
            assertThat(tracker.escalateOverdue(clock.advance(Duration.ofHours(24)))).extracting(
                    Escalation::escalatedTo).containsExactly("team-lead");
            assertThat(tracker.escalateOverdue(clock.advance(Duration.ofHours(24)))).isEmpty();
            assertThat(tracker.followUp(opened.id()).escalations()).hasSize(2);
            assertThat(listener.of(FeedbackEvent.FollowUpEscalated.class)).extracting(
                    FeedbackEvent.FollowUpEscalated::step).containsExactly(0, 1);
        }

        @Test
        void escalateOverdue_moreFollowUpsWithOneDeadlineThanOneReadReturns_escalatesEveryOne() {
            // 600 follow-ups opened at the same instant share one deadline; the deadline index is read 500 at a time
            for (int i = 0; i < 600; i++) {
                detractor("r" + i, "c" + i);
            }

            var fired = tracker.escalateOverdue(clock.advance(SLA.plusMinutes(1)));

            assertThat(fired).hasSize(600);
            assertThat(tracker.escalateOverdue(loop.now())).isEmpty();
        }

        @Test
        void escalateOverdue_passesAnErasedFollowUpBy() {
            FollowUp erased = detractor("r1", "c1");
            FollowUp kept = detractor("r2", "c2");
            loop.eraseCustomer("c1");

            var fired = tracker.escalateOverdue(clock.advance(SLA.plusMinutes(1)));

            assertThat(fired).hasSize(1);
            assertThat(tracker.followUp(kept.id()).escalations()).hasSize(1);
            assertThat(tracker.followUp(erased.id()).escalations()).isEmpty();
            assertThat(tracker.overdue(DeadlineKind.FIRST_CONTACT,
                    loop.now())).extracting(FollowUp::id).contains(erased.id());
        }

        @Test
        void escalateOverdue_resolutionDeadline_escalatesContactedFollowUps() {
            FollowUp opened = detractor("r1", "c1");
            tracker.contact(opened.id(), 1, Contact.of("phone", "ana", loop.now(), null));

            var fired = tracker.escalateOverdue(clock.advance(Duration.ofDays(8)));

            assertThat(fired).singleElement().satisfies(e -> {
                assertThat(e.deadline()).isEqualTo(DeadlineKind.RESOLUTION);
                assertThat(e.escalatedTo()).isEqualTo("head-of-cs");
            });
        }

        @Test
        void escalateOverdue_beforeTheDeadline_doesNothing() {
            detractor("r1", "c1");

            assertThat(tracker.escalateOverdue(clock.advance(SLA.minusSeconds(1)))).isEmpty();
        }
    }

    @Nested
    class Metrics {

        @Test
        void metrics_countEveryFollowUpThatNeededAnAnswer() {
            FollowUp onTime = detractor("r1", "c1");
            FollowUp late = detractor("r2", "c2");
            detractor("r3", "c3");
            loop.submit(Fixtures.response("r4", "c4", 10, null, clock.instant()));
            clock.advance(Duration.ofHours(4));
            tracker.contact(onTime.id(), 1, Contact.of("phone", "ana", loop.now(), null));
            clock.advance(SLA);
            tracker.contact(late.id(), 1, Contact.of("phone", "ana", loop.now(), null));
            tracker.resolve(late.id(), 2, Resolution.of("explained", "usability", "ana", loop.now(), null));

            FollowUpMetrics metrics = tracker.metrics(T0, T0.plus(Duration.ofDays(1)), loop.now());

            assertThat(metrics.needed()).isEqualTo(3);
            assertThat(metrics.contacted()).isEqualTo(2);
            assertThat(metrics.contactedWithinDeadline()).isEqualTo(1);
            assertThat(metrics.resolved()).isEqualTo(1);
            assertThat(metrics.open()).isEqualTo(2);
            assertThat(metrics.overdue()).isEqualTo(1);
            assertThat(metrics.contactedPercent()).isCloseTo(66.666, offset(0.01));
            assertThat(metrics.withinDeadlinePercent()).isCloseTo(33.333, offset(0.01));
            assertThat(metrics.timeToFirstContact().median()).isEqualTo(Duration.ofHours(4));
            assertThat(metrics.timeToFirstContact().p90()).isEqualTo(Duration.ofHours(52));
        }

        @Test
        void metricsBy_groupsByOwnerSegmentAndPeriod() {
            detractor("r1", "c1");
            loop.submit(Fixtures.response("r2", "c2", 1, null, T0, Map.of("plan", "enterprise")));

            assertThat(tracker.metricsBy(FollowUpMetrics.byOwner(), T0, T0.plusSeconds(1), loop.now()))
                    .containsOnlyKeys("ana", "cs-team");
            assertThat(tracker.metricsBy(FollowUpMetrics.bySegment("plan"), T0, T0.plusSeconds(1), loop.now()))
                    .containsOnlyKeys("pro", "enterprise");
            assertThat(tracker.metricsBy(FollowUpMetrics.byPeriod(Period.MONTH, ZoneOffset.UTC), T0,
                    T0.plusSeconds(1), loop.now())).containsOnlyKeys("2024-03");
        }

        @Test
        void metrics_countOverdueAsOfTheGivenInstant_notTheClock() {
            detractor("r1", "c1");
            clock.advance(SLA.plusHours(1));

            assertThat(tracker.metrics(T0, T0.plusSeconds(1), T0.plus(SLA).minusSeconds(1)).overdue()).isZero();
            assertThat(tracker.metrics(T0, T0.plusSeconds(1), loop.now()).overdue()).isEqualTo(1);
        }

        @Test
        void metrics_ofNothing_areZero() {
            FollowUpMetrics metrics = tracker.metrics(T0, T0.plusSeconds(1), loop.now());

            assertThat(metrics.needed()).isZero();
            assertThat(metrics.contactedPercent()).isZero();
            assertThat(metrics.timeToFirstContact()).isNull();
        }

        @Test
        void recovery_comparesTheNextScoreWithTheOneThatOpenedTheFollowUp() {
            detractor("r1", "c1");
            clock.advance(Duration.ofDays(30));
            loop.submit(Fixtures.response("r2", "c1", 8, null, clock.instant()));
            detractor("r3", "c2");

            var recovery = tracker.recovery(Fixtures.SURVEY, "nps");

            assertThat(recovery).singleElement().satisfies(r -> {
                assertThat(r.customerId()).isEqualTo("c1");
                assertThat(r.before()).isEqualTo(2);
                assertThat(r.after()).isEqualTo(8);
                assertThat(r.change()).isEqualTo(6);
                assertThat(r.nextResponseId()).isEqualTo("r2");
            });
        }

        @Test
        void recovery_twoFollowUpsOfOneCustomer_eachComparesWithTheNextScoreInOrderOfOpening() {
            detractor("r1", "c1");
            clock.advance(Duration.ofDays(1));
            detractor("r2", "c2");
            clock.advance(Duration.ofDays(1));
            detractor("r3", "c1");
            clock.advance(Duration.ofDays(30));
            loop.submit(Fixtures.response("r4", "c1", 10, null, clock.instant()));

            var recovery = tracker.recovery(Fixtures.SURVEY, "nps");

            assertThat(recovery).extracting(FollowUpTracker.Recovery::followUpId,
                    FollowUpTracker.Recovery::nextResponseId).containsExactly(
                    tuple(tracker.ofResponse("r1").get(0).id(), "r3"),
                    tuple(tracker.ofResponse("r3").get(0).id(), "r4"));
        }
    }

    @Test
    void businessCalendar_countsDeadlinesInWorkingHours() {
        FeedbackLoop working = FeedbackLoop.builder().clock(MutableClock.at("2024-03-08T16:00:00Z"))
                .calendar(BusinessCalendar.builder(ZoneOffset.UTC).hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
                        .build())
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(8))).build();
        working.register(Fixtures.survey());

        Receipt receipt = working.submit(Fixtures.response("r1", "c1", 0, null, T0));

        assertThat(working.followUps().followUp(receipt.followUpIds().get(0)).firstContactDue())
                .isEqualTo(Instant.parse("2024-03-11T16:00:00Z"));
    }

    @Test
    void escalationDelay_countsWallClockTimeUnlessTheStepSaysWorkingTime() {
        MutableClock friday = MutableClock.at("2024-03-08T16:00:00Z");
        FeedbackLoop working = FeedbackLoop.builder().clock(friday)
                .calendar(BusinessCalendar.builder(ZoneOffset.UTC).hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
                        .build())
                .followUpPolicy(FollowUpPolicy.builder("nps-detractor").when(Trigger.npsDetractor("nps"))
                        .reason("Detractor").firstContactWithin(Duration.ofHours(1))
                        .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ofHours(2), "on-call"))
                        .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ofHours(2), "team-lead")
                                .inWorkingTime())
                        .build())
                .build();
        working.register(Fixtures.survey());
        String id = working.submit(Fixtures.response("r1", "c1", 0, null, T0)).followUpIds().get(0);
        assertThat(working.followUps().followUp(id).firstContactDue()).isEqualTo(Instant.parse("2024-03-08T17:00:00Z"));

        assertThat(working.followUps().escalateOverdue(Instant.parse("2024-03-08T18:59:59Z"))).isEmpty();
        assertThat(working.followUps().escalateOverdue(Instant.parse("2024-03-08T19:00:00Z")))
                .extracting(Escalation::escalatedTo).containsExactly("on-call");
        assertThat(working.followUps().escalateOverdue(Instant.parse("2024-03-11T10:59:59Z"))).isEmpty();
        assertThat(working.followUps().escalateOverdue(Instant.parse("2024-03-11T11:00:00Z")))
                .extracting(Escalation::escalatedTo).containsExactly("team-lead");
    }
}
