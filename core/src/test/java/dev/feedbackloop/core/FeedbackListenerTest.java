package dev.feedbackloop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FeedbackListenerTest {

    private static final Instant AT = Instant.parse("2024-03-04T09:00:00Z");

    private static final List<FeedbackEvent> ONE_OF_EACH = List.of(
            new FeedbackEvent.ResponseAccepted("r1", "s", 1, "c1", AT),
            new FeedbackEvent.FollowUpOpened("f", "r1", "p", "ana", Priority.LOW, AT, "c1", AT),
            new FeedbackEvent.FollowUpContacted("f", "ana", "phone", "c1", AT),
            new FeedbackEvent.FollowUpResolved("f", "ana", "fixed", "c1", AT),
            new FeedbackEvent.FollowUpClosed("f", "ana", "no-contact-possible", "c1", AT),
            new FeedbackEvent.FollowUpEscalated("f", DeadlineKind.FIRST_CONTACT, AT, 0, "ana", "c1", AT),
            new FeedbackEvent.CustomerDueForContact("c1", "t", null, AT, AT));

    @Test
    void onEvent_dispatchesEveryPermittedEventToItsOwnMethod() {
        var calls = new ArrayList<String>();
        FeedbackListener listener = new FeedbackListener() {
            @Override
            public void onResponseAccepted(FeedbackEvent.ResponseAccepted event) {
                calls.add("ResponseAccepted");
            }

            @Override
            public void onFollowUpOpened(FeedbackEvent.FollowUpOpened event) {
                calls.add("FollowUpOpened");
            }

            @Override
            public void onFollowUpContacted(FeedbackEvent.FollowUpContacted event) {
                calls.add("FollowUpContacted");
            }

            @Override
            public void onFollowUpResolved(FeedbackEvent.FollowUpResolved event) {
                calls.add("FollowUpResolved");
            }

            @Override
            public void onFollowUpClosed(FeedbackEvent.FollowUpClosed event) {
                calls.add("FollowUpClosed");
            }

            @Override
            public void onFollowUpEscalated(FeedbackEvent.FollowUpEscalated event) {
                calls.add("FollowUpEscalated");
            }

            @Override
            public void onCustomerDueForContact(FeedbackEvent.CustomerDueForContact event) {
                calls.add("CustomerDueForContact");
            }
        };

        ONE_OF_EACH.forEach(listener::onEvent);

        assertThat(calls).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(FeedbackEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    @Test
    void noop_ignoresEveryEvent() {
        FeedbackListener noop = FeedbackListener.noop();

        ONE_OF_EACH.forEach(noop::onEvent);

        assertThat(ONE_OF_EACH).hasSize(FeedbackEvent.class.getPermittedSubclasses().length);
    }
}
