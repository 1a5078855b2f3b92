package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link FeedbackLoop.Builder#escalationSchedule}, driven by a scheduler whose tasks the test runs by hand. */
final class EscalationScheduleTest {

    private static final Duration SLA = Duration.ofHours(48);

    /** A clock that can be told to fail, standing in for any failure inside a scheduled run. */
    private static final class FailingClock extends Clock {

        private final MutableClock delegate = MutableClock.at(T0);
        private boolean failing;

        @Override
        public ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed zone");
        }

        @Override
        public Instant instant() {
            if (failing) {
                throw new IllegalStateException("clock failure for the test");
            }
            return delegate.instant();
        }
    }

    private final FailingClock clock = new FailingClock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingListener listener = new RecordingListener();
    private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock)
            .followUpPolicy(FollowUpPolicy.builder("nps-detractor").when(Trigger.npsDetractor("nps"))
                    .reason("Detractor").priority(Priority.HIGH).firstContactWithin(SLA)
                    .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ZERO, "team-lead"))
                    .build())
            .listener(listener)
            .escalationSchedule(scheduler, Duration.ofMinutes(15))
            .build();

    EscalationScheduleTest() {
        loop.register(Fixtures.survey());
    }

    private void submitDetractor(String responseId) {
        loop.submit(Fixtures.response(responseId, "c1", 2, "bad", clock.instant(), Map.of("plan", "pro")));
    }

    @Nested
    class Scheduling {

        @Test
        void build_schedulesOneTaskAtTheGivenPeriod() {
            assertThat(scheduler.tasks).singleElement().satisfies(task -> {
                assertThat(task.unit.toMillis(task.period)).isEqualTo(Duration.ofMinutes(15).toMillis());
                assertThat(task.unit.toMillis(task.initialDelay)).isEqualTo(Duration.ofMinutes(15).toMillis());
            });
        }

        @Test
        void escalationSchedule_nonPositivePeriod_isRejected() {
            assertThatThrownBy(() -> FeedbackLoop.builder().escalationSchedule(scheduler, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        }
    }

    @Nested
    class Running {

        @Test
        void scheduledRun_beforeTheDeadline_escalatesNothing() {
            submitDetractor("r1");
            clock.delegate.advance(SLA.minusMinutes(1));

            scheduler.runPeriodicTasks();

            assertThat(listener.of(FeedbackEvent.FollowUpEscalated.class)).isEmpty();
        }

        @Test
        void scheduledRun_afterTheDeadline_escalatesTheOverdueFollowUpOnce() {
            submitDetractor("r1");
            clock.delegate.advance(SLA.plusMinutes(1));

            scheduler.runPeriodicTasks();
            scheduler.runPeriodicTasks();

            assertThat(listener.of(FeedbackEvent.FollowUpEscalated.class))
                    .extracting(FeedbackEvent.FollowUpEscalated::escalatedTo).containsExactly("team-lead");
        }

        @Test
        void scheduledRun_thatFails_doesNotEscapeAndTheNextRunCatchesUp() {
            submitDetractor("r1");
            clock.delegate.advance(SLA.plusMinutes(1));
            clock.failing = true;

            assertThatCode(scheduler::runPeriodicTasks).doesNotThrowAnyException();
            assertThat(listener.of(FeedbackEvent.FollowUpEscalated.class)).isEmpty();

            clock.failing = false;
            scheduler.runPeriodicTasks();
            assertThat(listener.of(FeedbackEvent.FollowUpEscalated.class)).hasSize(1);
        }

        @Test
        void close_cancelsTheTaskButLeavesTheHostsExecutorRunning() {
            submitDetractor("r1");
            loop.close();
            clock.delegate.advance(SLA.plusMinutes(1));

            int ran = scheduler.runPeriodicTasks();

            assertThat(ran).isZero();
            assertThat(scheduler.tasks).singleElement().satisfies(task -> assertThat(task.isCancelled()).isTrue());
            assertThat(scheduler.isShutdown()).isFalse();
            assertThat(listener.of(FeedbackEvent.FollowUpEscalated.class)).isEmpty();
        }
    }
}
