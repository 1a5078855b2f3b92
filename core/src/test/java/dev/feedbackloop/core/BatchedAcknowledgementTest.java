package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.jdbc.Databases;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.testing.StartGate;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's events are delivered from what each submission reports and acknowledged in batches, in the
 * transaction of a later submission: the outbox keeps delivered events until then, no event is delivered twice by
 * the same loop, and every delivered event is acknowledged by {@code deliverPendingEvents()} and {@code close()}.
 * The first write of a loop polls, and acknowledges what it finds at once.
 */
final class BatchedAcknowledgementTest {

    private final Databases databases = new Databases();
    private final JdbcStore store = JdbcStore.of(databases.h2Memory()).createSchema();
    private final RecordingListener listener = new RecordingListener();
    private final MutableClock clock = MutableClock.at(T0);

    @AfterEach
    void close() {
        databases.close();
    }

    private FeedbackLoop loop(UnaryOperator<FeedbackLoop.Builder> parts) {
        FeedbackLoop loop = parts.apply(FeedbackLoop.builder().store(store).clock(clock).listener(listener)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))).build();
        loop.register(Fixtures.survey());
        return loop;
    }

    /** Submits promoters {@code r<from>} to {@code r<to - 1>}, one event each. */
    private static void submitPromoters(FeedbackLoop loop, int from, int to) {
        for (int i = from; i < to; i++) {
            loop.submit(Fixtures.response("r" + i, "c" + i, 9, null, T0));
        }
    }

    private List<String> acceptedIds() {
        return listener.of(ResponseAccepted.class).stream().map(ResponseAccepted::responseId).toList();
    }

    private List<String> outboxIds() {
        return store.pollOutbox(1_000).stream().map(OutboxEntry::event)
                .map(event -> ((ResponseAccepted) event).responseId()).toList();
    }

    @Test
    void submissions_keepDeliveredEventsUntilThirtyTwoWait_thenTheNextSubmissionAcknowledgesThem() {
        FeedbackLoop loop = loop(b -> b);

        submitPromoters(loop, 0, 33);

        // r0 was the first write, which polls and acknowledges at once
        assertThat(outboxIds()).hasSize(32).first().isEqualTo("r1");
        assertThat(acceptedIds()).hasSize(33).doesNotHaveDuplicates();

        submitPromoters(loop, 33, 34);

        assertThat(outboxIds()).containsExactly("r33");
        assertThat(acceptedIds()).hasSize(34).doesNotHaveDuplicates();
    }

    @Test
    void aDeliveredEventThatWaitedASecond_isAcknowledgedByTheNextSubmission() {
        FeedbackLoop loop = loop(b -> b);
        submitPromoters(loop, 0, 3);
        assertThat(outboxIds()).containsExactly("r1", "r2");

        clock.advance(Duration.ofMillis(999));
        submitPromoters(loop, 3, 4);
        assertThat(outboxIds()).containsExactly("r1", "r2", "r3");

        clock.advance(Duration.ofMillis(1));
        submitPromoters(loop, 4, 5);
        assertThat(outboxIds()).containsExactly("r4");
    }

    @Test
    void deliverPendingEvents_andClose_acknowledgeEveryDeliveredEventWithoutDeliveringItAgain() {
        FeedbackLoop loop = loop(b -> b);
        submitPromoters(loop, 0, 5);

        assertThat(loop.deliverPendingEvents()).isZero();
        assertThat(outboxIds()).isEmpty();

        submitPromoters(loop, 5, 8);
        loop.close();

        assertThat(outboxIds()).isEmpty();
        assertThat(acceptedIds()).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
    }

    @Test
    void aWriteThatPolls_skipsTheDeliveredEventsThatWait_andAcknowledgesThemWithWhatItFound() {
        FeedbackLoop loop = loop(b -> b);
        submitPromoters(loop, 0, 3);
        String followUpId = loop.submit(Fixtures.response("d", "cd", 2, "slow", T0)).followUpIds().get(0);
        listener.events().clear();

        // a follow-up step is a write that does not report its events: the loop polls the outbox after it
        loop.followUps().contact(followUpId, 1, Contact.of("phone", "agent", clock.instant(), null));

        assertThat(listener.events()).singleElement().isInstanceOf(FeedbackEvent.FollowUpContacted.class);
        assertThat(store.pollOutbox(100)).isEmpty();
    }

    @Test
    void aCrashBeforeTheAcknowledgement_deliversTheWaitingEventsAgainAfterTheRestart_oldestFirst() {
        FeedbackLoop crashed = loop(b -> b);
        submitPromoters(crashed, 0, 4);
        listener.events().clear();

        FeedbackLoop restarted = loop(b -> b);
        submitPromoters(restarted, 4, 5);

        assertThat(acceptedIds()).containsExactly("r1", "r2", "r3", "r4");
        assertThat(outboxIds()).isEmpty();
    }

    /**
     * Writers that submit (and acknowledge in their transactions) race writers whose follow-up steps poll the outbox:
     * a poll that read an entry before a submission deleted it must not deliver it again.
     */
    @Test
    void concurrentSubmissionsAndPollingSteps_deliverEveryEventOnce() {
        FeedbackLoop loop = loop(b -> b);
        var tasks = new java.util.ArrayList<Runnable>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < 25; i++) {
                    String id = "w" + writer + "-" + i;
                    String followUpId = loop.submit(Fixtures.response(id, "c" + writer, 2, "slow", T0))
                            .followUpIds().get(0);
                    loop.followUps().contact(followUpId, 1, Contact.of("phone", "agent", T0, null));
                }
            });
        }
        try (StartGate gate = StartGate.of(8)) {
            assertThat(gate.race(tasks)).isEmpty();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        loop.close();

        assertThat(listener.events()).hasSize(8 * 25 * 3).doesNotHaveDuplicates();
        assertThat(store.pollOutbox(10)).isEmpty();
    }

    @Test
    void aSubmissionThatFails_leavesTheAcknowledgementsItCarriedForTheNextOne() {
        FeedbackLoop loop = loop(b -> b.limits(SubmissionLimits.standard()
                .withResponsesPerCustomer(1, Duration.ofDays(1))));
        submitPromoters(loop, 0, 33);
        assertThat(outboxIds()).hasSize(32);

        // c1 answered already: its quota refuses this response in the store's transaction, which is rolled back
        assertThatThrownBy(() -> loop.submit(Fixtures.response("again", "c1", 9, null, T0)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(outboxIds()).hasSize(32);

        submitPromoters(loop, 33, 34);
        assertThat(outboxIds()).containsExactly("r33");
        assertThat(acceptedIds()).hasSize(34).doesNotHaveDuplicates();
    }
}
