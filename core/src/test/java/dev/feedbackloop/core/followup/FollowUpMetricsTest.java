package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FollowUpMetricsTest {

    private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

    private static FollowUp contactedAfter(Duration delay) {
        FollowUp open = FollowUp.open("r1", "s", "rule", "why", Priority.HIGH, "ana", "c1", Map.of(), T0,
                T0.plus(Duration.ofHours(2)), null);
        return open.contact(Contact.of("phone", "ana", T0.plus(delay), null));
    }

    @Test
    void tally_addsTheTimeToFirstContact() {
        try (FollowUpMetrics.Tally tally = FollowUpMetrics.tally(T0.plus(Duration.ofDays(1)))) {
            tally.add(contactedAfter(Duration.ofHours(1)));

            assertThat(tally.result().timeToFirstContact().median()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void close_releasesTheDurationTalliesButKeepsTheCounts() {
        FollowUpMetrics.Tally tally = FollowUpMetrics.tally(T0.plus(Duration.ofDays(1)));
        tally.add(contactedAfter(Duration.ofHours(1)));

        tally.close();

        assertThat(tally.result().timeToFirstContact()).isNull();
        assertThat(tally.result().contacted()).isEqualTo(1);
    }
}
