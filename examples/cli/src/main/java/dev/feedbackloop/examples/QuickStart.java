package dev.feedbackloop.examples;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Define a survey, capture two responses, answer the unhappy customer, prove it, and score. */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Survey survey = Survey.builder("relationship", 1).title("How are we doing?")
                .question(NpsQuestion.standard("nps"))
                .question(TextQuestion.optional("why", "What is the main reason for your score?"))
                .build();
        FeedbackLoop loop = FeedbackLoop.builder()
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        loop.register(survey);

        Receipt unhappy = loop.submit(Response.builder("r-1", survey, Instant.now())
                .respondent(Respondent.of("acme", Map.of("plan", "enterprise")))
                .answer("nps", Answer.rating(3)).answer("why", Answer.text("Support never called back"))
                .build());
        loop.submit(Response.builder("r-2", survey, Instant.now())
                .respondent(Respondent.of("globex", Map.of("plan", "starter")))
                .answer("nps", Answer.rating(10)).build());

        FollowUp followUp = loop.followUps().followUp(unhappy.followUpIds().get(0));
        loop.followUps().contact(followUp.id(), followUp.version(),
                Contact.of("phone", "ana", loop.now(), "Called, ticket reopened"));
        System.out.println("Did we respond to r-1? " + loop.didWeRespond("r-1", loop.now()).verdict());

        NpsScore nps = loop.scorecard(ScorecardSpec.builder(survey).build()).overall().score("nps", NpsScore.class);
        System.out.printf("NPS %+.1f (95%% CI %.1f to %.1f, n = %d)%n",
                nps.score(), nps.ci().lower(), nps.ci().upper(), nps.n());
    }
}
