package dev.feedbackloop.core.internal;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpTracker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EscalationPagerTest {

    private static final Duration SLA = Duration.ofHours(48);

    private final MutableClock clock = MutableClock.at(T0);
    private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock)
            .followUpPolicy(FollowUpPolicy.npsDetractors("nps", SLA)).build();
    private final FollowUpTracker tracker = loop.followUps();

    EscalationPagerTest() {
        loop.register(Fixtures.survey());
    }

    @Test
    void escalateOverdue_moreThanOnePage_escalatesEveryFollowUpOnce() {
        int count = EscalationPager.BATCH + 7;
        for (int i = 0; i < count; i++) {
            loop.submit(Fixtures.response("r" + i, "c" + i, 2, null, clock.instant()));
            if (i % 100 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }

        List<Escalation> fired = tracker.escalateOverdue(clock.advance(SLA.plusHours(1)));

        assertThat(fired).hasSize(count);
        assertThat(tracker.escalateOverdue(clock.instant())).isEmpty();
    }
}
