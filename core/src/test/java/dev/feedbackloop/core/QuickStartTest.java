package dev.feedbackloop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DidWeRespond;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README quick start, as code that runs. */
final class QuickStartTest {

    @Test
    void quickStart_detractorGetsAFollowUpAndWeCanProveWeResponded() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-04T09:00:00Z"), ZoneOffset.UTC);
        Survey survey = Survey.builder("relationship", 1).title("How are we doing?")
                .question(NpsQuestion.standard("nps"))
                .question(TextQuestion.optional("why", "What is the main reason for your score?"))
                .build();

        FeedbackLoop loop = FeedbackLoop.builder()
                .clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        loop.register(survey);

        Response response = new Response("resp-1", "relationship", 1,
                Respondent.of("cust-42", Map.of("plan", "enterprise")), clock.instant(), "email",
                Map.of("nps", Answer.rating(4), "why", Answer.text("Support was slow")), List.of());
        Receipt receipt = loop.submit(response);

        FollowUp followUp = loop.followUps().followUp(receipt.followUpIds().get(0));
        loop.followUps().contact(followUp.id(), followUp.version(), Contact.of("phone", "ana", loop.now(),
                "Apologised, fixed the ticket"));

        DidWeRespond answer = loop.didWeRespond(receipt.responseId(), loop.now());
        assertThat(answer.verdict()).isEqualTo(DidWeRespond.Verdict.ON_TIME);
        assertThat(answer.timeToFirstContact()).isEqualTo(Duration.ZERO);
    }
}
