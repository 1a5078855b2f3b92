package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FollowUpPolicyTest {

    private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
    private static final Survey SURVEY = Survey.builder("s", 1).title("S").question(NpsQuestion.standard("nps"))
            .build();

    private static Response response(Map<String, String> attributes) {
        return new Response("r1", "s", 1, Respondent.of("c1", attributes), T0, "web",
                Map.of("nps", Answer.rating(3)), List.of());
    }

    @Test
    void npsDetractors_opensAHighPriorityFollowUpWithTheDeadline() {
        FollowUpPolicy policy = FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48));

        FollowUp followUp = policy.open(SURVEY, response(Map.of()), T0, BusinessCalendar.always());

        assertThat(policy.triggers(SURVEY, response(Map.of()))).isTrue();
        assertThat(followUp.id()).isEqualTo("r1/nps-detractor");
        assertThat(followUp.priority()).isEqualTo(Priority.HIGH);
        assertThat(followUp.firstContactDue()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(followUp.resolutionDue()).isNull();
    }

    @Test
    void withoutSteps_escalatesOnceToTheOwnerPerDeadline() {
        FollowUpPolicy policy = FollowUpPolicy.builder("p").when(Trigger.always())
                .resolveWithin(Duration.ofDays(3)).build();

        assertThat(policy.escalation()).containsExactly(
                EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO),
                EscalationStep.toOwner(DeadlineKind.RESOLUTION, Duration.ZERO));
    }

    @Test
    void ownerByAttribute_fallsBackWhenAbsent() {
        FollowUpPolicy policy = FollowUpPolicy.builder("p").when(Trigger.always())
                .owner(OwnerRule.attribute("accountOwner", "cs-team")).build();

        assertThat(policy.ownerFor(response(Map.of("accountOwner", "ana")))).isEqualTo("ana");
        assertThat(policy.ownerFor(response(Map.of()))).isEqualTo("cs-team");
    }

    @Test
    void hostOwnerRuleReturningBlank_isReported() {
        FollowUpPolicy policy = FollowUpPolicy.builder("p").when(Trigger.always()).owner(r -> " ").build();

        assertThatThrownBy(() -> policy.ownerFor(response(Map.of()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policy 'p'");
    }

    @Test
    void build_withoutTrigger_isRefused() {
        assertThatThrownBy(() -> FollowUpPolicy.builder("p").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trigger");
    }

    @Test
    void resolutionStepWithoutResolutionDeadline_isRefused() {
        assertThatThrownBy(() -> FollowUpPolicy.builder("p").when(Trigger.always())
                .escalate(EscalationStep.toOwner(DeadlineKind.RESOLUTION, Duration.ZERO)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resolveWithin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-x", "has space", "a/b"})
    void builder_malformedId_isRefused(String id) {
        assertThatThrownBy(() -> FollowUpPolicy.builder(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstContactWithin_zero_isRefused() {
        assertThatThrownBy(() -> FollowUpPolicy.builder("p").firstContactWithin(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive");
    }
}
