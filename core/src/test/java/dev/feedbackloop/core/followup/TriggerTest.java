package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TriggerTest {

    private static final Survey SURVEY = Survey.builder("s", 1).title("S")
            .question(NpsQuestion.standard("nps"))
            .question(RatingQuestion.csat("csat", "Satisfied?", 5))
            .question(RatingQuestion.builder("effort", "Effort?").cesEffort(Scale.of(1, 7)).optional().build())
            .question(ChoiceQuestion.multiple("topics", "Topics", List.of(ChoiceOption.of("price", "Price"),
                    ChoiceOption.of("support", "Support"))))
            .question(TextQuestion.optional("why", "Why?"))
            .build();

    private static Response with(String questionId, Answer answer) {
        return new Response("r", "s", 1, Respondent.of("c", Map.of("plan", "enterprise")), Instant.EPOCH, "web",
                Map.of(questionId, answer), List.of());
    }

    @ParameterizedTest(name = "NPS {0} detractor: {1}")
    @CsvSource({"0, true", "6, true", "7, false", "10, false"})
    void npsDetractor_isZeroToSix(int rating, boolean fires) {
        assertThat(Trigger.npsDetractor("nps").test(SURVEY, with("nps", Answer.rating(rating)))).isEqualTo(fires);
    }

    @ParameterizedTest(name = "{0}={1}, bottom {2}: {3}")
    @CsvSource({
        "csat,   1, 2, true",
        "csat,   2, 2, true",
        "csat,   3, 2, false",
        "effort, 7, 2, true",   // lower is better: the bad end is the top
        "effort, 6, 2, true",
        "effort, 5, 2, false",
        "effort, 1, 2, false",
        "nps,    0, 1, true",
        "nps,    1, 1, false",
    })
    void bottomBoxes_followThePolarity(String question, int rating, int boxes, boolean fires) {
        assertThat(Trigger.bottomBoxes(question, boxes).test(SURVEY, with(question, Answer.rating(rating))))
                .isEqualTo(fires);
    }

    @Test
    void choice_firesWhenTheOptionIsSelected() {
        assertThat(Trigger.choice("topics", "support").test(SURVEY, with("topics", Answer.choice("price",
                "support")))).isTrue();
        assertThat(Trigger.choice("topics", "support").test(SURVEY, with("topics", Answer.choice("price"))))
                .isFalse();
    }

    @Test
    void anyText_ignoresBlankText() {
        assertThat(Trigger.anyText("why").test(SURVEY, with("why", Answer.text("slow")))).isTrue();
        assertThat(Trigger.anyText("why").test(SURVEY, with("why", Answer.text("  ")))).isFalse();
        assertThat(Trigger.anyText("why").test(SURVEY, with("nps", Answer.rating(1)))).isFalse();
    }

    @Test
    void segmentAndCombinations() {
        Trigger enterpriseDetractor = Trigger.npsDetractor("nps").and(Trigger.segment("plan", "enterprise"));
        Response response = with("nps", Answer.rating(5));

        assertThat(enterpriseDetractor.test(SURVEY, response)).isTrue();
        assertThat(enterpriseDetractor.negate().test(SURVEY, response)).isFalse();
        assertThat(Trigger.segment("plan", "smb").or(Trigger.always()).test(SURVEY, response)).isTrue();
        assertThat(Trigger.of(r -> r.channel().equals("email")).test(SURVEY, response)).isFalse();
    }

    @Test
    void missingAnswer_neverFires() {
        Response response = with("why", Answer.text("x"));

        assertThat(Trigger.npsDetractor("nps").test(SURVEY, response)).isFalse();
        assertThat(Trigger.bottomBoxes("csat", 2).test(SURVEY, response)).isFalse();
    }
}
