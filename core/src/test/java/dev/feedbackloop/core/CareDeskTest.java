package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.feedbackloop.core.care.CareDesk;
import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.care.CareTier;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerStatus;
import dev.feedbackloop.core.care.InviteDecision;
import dev.feedbackloop.core.care.ThrottlePolicy;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.survey.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class CareDeskTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final RecordingListener listener = new RecordingListener();
    private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock)
            .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
            .carePlan(CarePlan.of(
                    CareTier.byAttribute("strategic", "tier", "strategic", Duration.ofDays(90)),
                    CareTier.byMinimum("large", "arr", new BigDecimal("100000"), Duration.ofDays(180)),
                    CareTier.everyone("everyone", Duration.ofDays(365))))
            .throttle(new ThrottlePolicy(Duration.ofDays(90), Duration.ofDays(14), Duration.ofDays(30)))
            .listener(listener)
            .build();
    private final CareDesk care = loop.care();

    CareDeskTest() {
        loop.register(Fixtures.survey());
    }

    @Nested
    class Reports {

        @Test
        void report_listsOverdueAndNeverHeardFromPerTier() {
            care.registerCustomer(Customer.of("s1", Map.of("tier", "strategic")));
            care.registerCustomer(Customer.of("s2", Map.of("tier", "strategic")));
            care.registerCustomer(Customer.of("big", Map.of("arr", "250000")));
            care.registerCustomer(Customer.of("small", Map.of("arr", "n/a")));
            care.recordContact("s1", TouchKind.CALL, "ana", null);
            loop.submit(Fixtures.response("r1", "small", 9, null, T0));
            clock.advance(Duration.ofDays(100));
            care.recordContact("s2", TouchKind.MEETING, "ana", null);

            CareReport report = care.report(clock.instant());

            assertThat(report.tiers()).extracting(CareReport.TierCoverage::tier, CareReport.TierCoverage::customers,
                    CareReport.TierCoverage::covered).containsExactly(
                    tuple("strategic", 2, 1),
                    tuple("large", 1, 0),
                    tuple("everyone", 1, 1));
            assertThat(report.overdue()).extracting(CustomerStatus::customerId).containsExactly("s1", "big");
            assertThat(report.neverHeardFrom()).extracting(CustomerStatus::customerId)
                    .containsExactlyInAnyOrder("s1", "s2", "big");
            assertThat(report.tiers().get(0).coveragePercent()).isEqualTo(50.0);
        }

        @Test
        void notifyDueForContact_emitsOneEventPerDueCustomer() {
            care.registerCustomer(Customer.of("s1", Map.of("tier", "strategic")));
            care.registerCustomer(Customer.of("s2", Map.of("tier", "strategic")));
            care.recordContact("s2", TouchKind.CALL, "ana", null);

            var due = care.notifyDueForContact(clock.instant());

            assertThat(due).extracting(CustomerStatus::customerId).containsExactly("s1");
            assertThat(listener.of(FeedbackEvent.CustomerDueForContact.class))
                    .extracting(FeedbackEvent.CustomerDueForContact::customerId).containsExactly("s1");
        }

        @Test
        void notifyDueForContact_calledAgain_doesNotNotifyTheSameDueDateTwice() {
            care.registerCustomer(Customer.of("s1", Map.of("tier", "strategic")));
            care.notifyDueForContact(clock.instant());

            var due = care.notifyDueForContact(clock.advance(Duration.ofDays(1)));

            assertThat(due).extracting(CustomerStatus::customerId).containsExactly("s1");
            assertThat(listener.of(FeedbackEvent.CustomerDueForContact.class)).hasSize(1);
        }

        @Test
        void notifyDueForContact_afterContactAndANewCadence_notifiesTheNewDueDate() {
            care.registerCustomer(Customer.of("s1", Map.of("tier", "strategic")));
            care.notifyDueForContact(clock.instant());
            care.recordContact("s1", TouchKind.CALL, "ana", null);
            care.notifyDueForContact(clock.advance(Duration.ofDays(30)));

            care.notifyDueForContact(clock.advance(Duration.ofDays(61)));
            care.notifyDueForContact(clock.advance(Duration.ofDays(1)));

            assertThat(listener.of(FeedbackEvent.CustomerDueForContact.class))
                    .extracting(FeedbackEvent.CustomerDueForContact::dueAt)
                    .containsExactly(T0, T0.plus(Duration.ofDays(90)));
        }

        @Test
        void notifyDueForContact_twoCustomers_notifiesOnlyTheNewlyDueOne() {
            care.registerCustomer(Customer.of("s1", Map.of("tier", "strategic")));
            care.notifyDueForContact(clock.instant());
            care.registerCustomer(Customer.of("s2", Map.of("tier", "strategic")));

            care.notifyDueForContact(clock.advance(Duration.ofHours(1)));

            assertThat(listener.of(FeedbackEvent.CustomerDueForContact.class))
                    .extracting(FeedbackEvent.CustomerDueForContact::customerId).containsExactly("s1", "s2");
        }
    }

    @Nested
    class Throttling {

        @Test
        void mayInvite_neverSurveyed_isAllowed() {
            InviteDecision decision = care.mayInvite("c1", "nps", clock.instant());

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.explanation()).contains("may be invited");
        }

        @Test
        void mayInvite_invitedToThisSurveyRecently_explainsTheQuietPeriod() {
            care.recordInvitation("c1", "nps");
            clock.advance(Duration.ofDays(20));

            InviteDecision decision = care.mayInvite("c1", "nps", clock.instant());

            assertThat(decision.reason()).isEqualTo(InviteDecision.Reason.SURVEY_QUIET_PERIOD);
            assertThat(decision.allowedFrom()).isEqualTo(T0.plus(Duration.ofDays(90)));
            assertThat(decision.explanation()).contains("quiet period for this survey");
        }

        @Test
        void mayInvite_invitedToAnotherSurveyRecently_isQuietAcrossSurveys() {
            care.recordInvitation("c1", "onboarding");
            clock.advance(Duration.ofDays(3));

            InviteDecision decision = care.mayInvite("c1", "nps", clock.instant());

            assertThat(decision.reason()).isEqualTo(InviteDecision.Reason.QUIET_PERIOD_ACROSS_SURVEYS);
            assertThat(decision.lastInvited()).isEqualTo(T0);
        }

        @Test
        void mayInvite_answeredRecently_reportsTheLongestQuietPeriod() {
            loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
            clock.advance(Duration.ofDays(10));

            InviteDecision decision = care.mayInvite("c1", "other", clock.instant());

            assertThat(decision.reason()).isEqualTo(InviteDecision.Reason.RECENTLY_ANSWERED);
            assertThat(decision.lastAnswered()).isEqualTo(T0);
        }

        @Test
        void mayInvite_afterEveryQuietPeriod_isAllowedAgain() {
            care.recordInvitation("c1", "nps");
            clock.advance(Duration.ofDays(91));

            assertThat(care.mayInvite("c1", "nps", clock.instant()).allowed()).isTrue();
        }
    }

    @Nested
    class Erasure {

        @Test
        void eraseCustomer_removesPersonalDataButKeepsScores() {
            Receipt receipt = loop.submit(Fixtures.response("r1", "c1", 2, "my name is Jo", T0));
            care.recordContact("c1", TouchKind.CALL, "ana", "spoke to Jo");
            loop.submit(Fixtures.response("r2", "c2", 9, "fine", T0));
            var before = new ArrayList<Integer>();
            loop.forEachResponse(Fixtures.SURVEY, r -> before.add(
                    ((Answer.Rating) r.answer("nps")).value()));

            loop.eraseCustomer("c1");

            var after = new ArrayList<Integer>();
            loop.forEachResponse(Fixtures.SURVEY, r -> after.add(
                    ((Answer.Rating) r.answer("nps")).value()));
            assertThat(after).isEqualTo(before);
            assertThat(loop.findResponse("r1").orElseThrow().response().answer("why")).isNull();
            assertThat(care.touches("c1")).isEmpty();
            assertThat(care.findCustomer("c1")).isEmpty();
            assertThat(loop.followUps().followUp(receipt.followUpIds().get(0)).customerId()).isNull();
            assertThat(loop.didWeRespond("r1", loop.now()).verdict()).isNotNull();
        }
    }
}
