package dev.feedbackloop.examples.webapp.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class InboxRowTest {

    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    @Test
    void order_overdueFirstByPriorityThenLateness_thenTheRestByNextDeadline() {
        FollowUp dueSoon = followUp("due-soon", Priority.URGENT, Duration.ofHours(1));
        FollowUp dueLater = followUp("due-later", Priority.HIGH, Duration.ofHours(5));
        FollowUp lateNormal = followUp("late-normal", Priority.NORMAL, Duration.ofHours(-30));
        FollowUp lateHighALittle = followUp("late-high-a-little", Priority.HIGH, Duration.ofHours(-1));
        FollowUp lateHighALot = followUp("late-high-a-lot", Priority.HIGH, Duration.ofHours(-20));
        FollowUp lateUrgent = followUp("late-urgent", Priority.URGENT, Duration.ofMinutes(-5));
        var inbox = new ArrayList<>(List.of(dueLater, lateHighALittle, dueSoon, lateNormal, lateUrgent, lateHighALot));

        inbox.sort(InboxRow.order(NOW));

        assertThat(inbox).extracting(FollowUp::responseId).containsExactly("late-urgent", "late-high-a-lot",
                "late-high-a-little", "late-normal", "due-soon", "due-later");
    }

    @Test
    void lateness_isHowLongTheMissedDeadlineHasPassed_andNullBeforeIt() {
        assertThat(InboxRow.lateness(followUp("late", Priority.HIGH, Duration.ofHours(-3)), NOW))
                .isEqualTo(Duration.ofHours(3));
        assertThat(InboxRow.lateness(followUp("due", Priority.HIGH, Duration.ofHours(3)), NOW)).isNull();
    }

    private static FollowUp followUp(String responseId, Priority priority, Duration dueFromNow) {
        Instant due = NOW.plus(dueFromNow);
        Instant opened = due.minus(Duration.ofHours(48));
        return FollowUp.open(responseId, "relationship-nps", "nps-detractor", "NPS detractor", priority, "cs-team",
                "C0001", Map.of(), opened, due, null);
    }
}
