package dev.feedbackloop.core.privacy;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.ResponseConflictException;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.OwnerRule;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreTest;
import dev.feedbackloop.survey.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Nothing personal (customer ids, free text, notes, attribute values, tokens) is logged at INFO or above, on any
 * path: capture, duplicates and conflicts, follow-up steps, escalation, care touches, failing listeners, failing
 * policies, limits, invitations and erasure. Logs are recorded by the test-only {@link RecordingLogs} provider.
 */
final class NoPersonalDataInLogsTest {

    private static final String CUSTOMER = "CUST-SECRET-9";
    private static final String TEXT = "TEXT-SECRET-9";
    private static final String NOTE = "NOTE-SECRET-9";
    private static final String ATTRIBUTE = "ATTR-SECRET-9";

    @BeforeEach
    void clear() {
        RecordingLogs.clear();
    }

    @Test
    void provider_isTheRecordingOne() {
        org.slf4j.LoggerFactory.getLogger("probe").info("probe {}", 1);

        assertThat(RecordingLogs.events()).extracting(RecordingLogs.Event::message).contains("probe 1");
    }

    @StoreTest
    void everyPath_logsNothingPersonalAtInfoOrAbove(FeedbackStore store) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            MutableClock clock = MutableClock.at(T0);
            Invitations invitations = Invitations.builder().signWith(SigningKey.of("k", new byte[32])).build();
            FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(clock).invitations(invitations)
                    .limits(SubmissionLimits.standard().withMaxTextLength(100))
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                    .followUpPolicy(failingPolicy())
                    .listener(new FeedbackListener() {
                        @Override
                        public void onEvent(FeedbackEvent event) {
                            throw new IllegalStateException("listener down");
                        }
                    })
                    .escalationSchedule(scheduler, Duration.ofMillis(1))
                    .build();
            loop.register(Fixtures.survey());
            Response response = Fixtures.response("r1", CUSTOMER, 2, TEXT, T0, Map.of("plan", ATTRIBUTE));
            String followUp = loop.submit(response).followUpIds().get(0);
            loop.submit(response);
            assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", CUSTOMER, 3, TEXT, T0)))
                    .isInstanceOf(ResponseConflictException.class);
            assertThatThrownBy(() -> loop.submit(Fixtures.response("boom", CUSTOMER, 3, TEXT, T0)))
                    .isInstanceOf(FeedbackLoopException.class);
            assertThatThrownBy(() -> loop.submit(Fixtures.response("long", CUSTOMER, 3, TEXT.repeat(20), T0)))
                    .isInstanceOf(LimitExceededException.class);
            String token = invitations.issue(new Invitation("tok-1", Fixtures.SURVEY, CUSTOMER, T0.plusSeconds(60),
                    Map.of("plan", ATTRIBUTE)));
            loop.submit(Fixtures.response("r2", null, 9, TEXT, T0), token);
            assertThatThrownBy(() -> loop.submit(Fixtures.response("r3", null, 9, TEXT, T0), token))
                    .isInstanceOf(InvitationException.class);
            clock.advance(Duration.ofHours(1));
            FollowUp contacted = loop.followUps().contact(followUp, 1, Contact.of("phone", "ana", loop.now(), NOTE));
            loop.followUps().resolve(followUp, contacted.version(), Resolution.of("fixed", "bug", "ana", loop.now(),
                    NOTE));
            loop.submit(Fixtures.response("r4", CUSTOMER, 0, TEXT, T0));
            clock.advance(Duration.ofDays(30));
            loop.followUps().escalateOverdue(clock.instant());
            loop.care().recordContact(CUSTOMER, TouchKind.CALL, "ana", NOTE);
            loop.care().notifyDueForContact(clock.instant().plus(Duration.ofDays(400)));
            loop.deliverPendingEvents();
            loop.eraseCustomer(CUSTOMER);
            loop.close();

            List<RecordingLogs.Event> events = RecordingLogs.events();
            assertThat(events).as("the paths above do log at INFO and WARN")
                    .anyMatch(e -> e.level() == Level.WARN).anyMatch(e -> e.level() == Level.INFO);
            assertThat(events).extracting(RecordingLogs.Event::everything)
                    .noneMatch(NoPersonalDataInLogsTest::personal);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static FollowUpPolicy failingPolicy() {
        return FollowUpPolicy.builder("failing").when(Trigger.of(response -> {
            if (response.id().equals("boom")) {
                throw new IllegalStateException("policy down");
            }
            return false;
        })).reason("fails on boom").priority(Priority.LOW).owner(OwnerRule.fixed("nobody"))
                .firstContactWithin(Duration.ofHours(1)).build();
    }

    static boolean personal(String text) {
        return text.contains("SECRET") || text.contains("tok-1") || text.contains("fl1.");
    }
}
