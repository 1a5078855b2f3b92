package dev.feedbackloop.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MetricsQuickStartTest {

    @Test
    void readme_quotesTheQuickStartVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/feedbackloop/micrometer/MetricsQuickStart.java"));
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(readme).contains("```java\n" + source + "```\n");
    }

    @Test
    void theReadmeSetup_countsAResponseAndItsFollowUp_andBindsTheGauges() {
        var registry = new SimpleMeterRegistry();
        FeedbackLoop loop = MetricsQuickStart.meteredLoop(registry);
        Survey survey = Survey.builder("relationship", 1).title("How are we doing?")
                .question(NpsQuestion.standard("nps")).build();
        loop.register(survey);

        loop.submit(Response.builder("r-1", survey, Instant.now()).respondent(Respondent.of("acme", Map.of()))
                .answer("nps", Answer.rating(3)).build());

        assertThat(registry.get("feedbackloop.responses").tags("survey", "relationship", "outcome", "accepted")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("feedbackloop.followups.opened").tags("policy", "nps-detractor").counter().count())
                .isEqualTo(1);
        // the binding read the figures a moment ago: the next reading is up to 30 seconds away
        assertThat(registry.get("feedbackloop.followups.open").tags("policy", "nps-detractor").gauge().value())
                .isZero();
    }
}
