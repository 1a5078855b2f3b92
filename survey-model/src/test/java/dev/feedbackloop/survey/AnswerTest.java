package dev.feedbackloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AnswerTest {

    private static List<String> options(int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ids.add("o" + i);
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 8, 9, 50})
    void choice_withDistinctOptions_isAccepted(int count) {
        assertThat(new Answer.Choice(options(count), null).optionIds()).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 9, 50})
    void choice_repeatingTheLastOption_isRejected(int count) {
        List<String> ids = options(count);
        ids.set(count - 1, "o0");

        assertThatThrownBy(() -> new Answer.Choice(ids, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("optionIds: [o0, ").hasMessageEndingWith("] repeats an option");
    }

    @Test
    void other_carriesItsTextAndNoOption() {
        assertThat(Answer.other("Nobody called back")).isEqualTo(new Answer.Choice(List.of(), "Nobody called back"));
    }

    @Test
    void withOther_keepsTheSelectedOptions() {
        Answer.Choice plain = Answer.choice("slow", "rude");

        assertThat(plain.withOther("Nobody called back"))
                .isEqualTo(new Answer.Choice(List.of("slow", "rude"), "Nobody called back"));
        assertThat(plain.otherText()).isNull();
    }

    @Test
    void other_nullText_isRejectedNamingIt() {
        assertThatThrownBy(() -> Answer.other(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("otherText");
        assertThatThrownBy(() -> Answer.choice("slow").withOther(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("otherText");
    }

    @Test
    void other_isValidForAQuestionThatAllowsIt_andRejectedElsewhere() {
        Survey survey = Survey.builder("s", 1).title("S")
                .question(ChoiceQuestion.builder("open", "Pick").option("a", "A").allowOther().build())
                .question(ChoiceQuestion.single("closed", "Pick", List.of(ChoiceOption.of("a", "A"))))
                .build();
        Response response = Response.builder("r", survey, java.time.Instant.EPOCH)
                .answer("open", Answer.other("Something else")).answer("closed", Answer.other("No"))
                .build();

        assertThat(ResponseValidator.standard().validate(survey, response).violations())
                .extracting(dev.feedbackloop.survey.validation.Violation::message)
                .containsExactly("answers.closed: has \"other\" text, but question 'closed' does not allow it");
    }
}
