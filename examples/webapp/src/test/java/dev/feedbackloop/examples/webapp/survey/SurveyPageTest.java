package dev.feedbackloop.examples.webapp.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SurveyPageTest {

    private static final Survey SURVEY = Survey.builder("s", 1)
            .title(LocalizedText.of("How are we doing?").with("de", "Wie machen wir uns?").with("pt-BR", "Como?"))
            .question(NpsQuestion.standard("nps"))
            .question(TextQuestion.builder("why", "Why?").condition(Condition.atMost("nps", 6)).build())
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'de-CH,en', de",
        "'fr,de', de",
        "'pt-BR', pt-BR",
        "'pt-PT', en",
        "'es,it', en",
        "'en-US,de', en",
    })
    void language_isTheFirstPreferredOneTheSurveyHas_elseItsDefault(String preferred, String expected) {
        List<Locale> locales = List.of(preferred.split(",")).stream().map(Locale::forLanguageTag).toList();

        assertThat(SurveyPage.language(SURVEY, locales)).isEqualTo(expected);
    }

    @Test
    void of_carriesEachConditionAsSurveyFormatJson_andTheViolationNextToItsQuestion() {
        SurveyPage page = SurveyPage.of(SURVEY, "de", new Answers(Map.of("q.nps", List.of("4"))),
                Map.of("why", "answer.required-missing"), key -> key.equals("violation.answer.required-missing")
                        ? "Bitte beantworten Sie diese Frage." : null);

        assertThat(page.title()).isEqualTo("Wie machen wir uns?");
        assertThat(page.questions().get(0).condition()).isNull();
        assertThat(page.questions().get(0).options()).filteredOn(SurveyPage.OptionView::checked)
                .extracting(SurveyPage.OptionView::value).containsExactly("4");
        assertThat(page.questions().get(1).condition())
                .isEqualTo("{\"type\":\"atMost\",\"question\":\"nps\",\"value\":6}");
        assertThat(page.questions().get(1).error()).isEqualTo("Bitte beantworten Sie diese Frage.");
    }
}
