package dev.feedbackloop.examples.webapp.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import java.util.List;
import org.junit.jupiter.api.Test;

final class VerbatimsTest {

    private static final ChoiceQuestion WHAT_WENT_WRONG = ChoiceQuestion.builder("what-went-wrong", "What went wrong?")
            .options(List.of(ChoiceOption.of("price", "Price"),
                    ChoiceOption.of("missing-feature", "A missing feature")))
            .multiple().allowOther().build();

    @Test
    void answer_namesChosenOptionsByTheirLabels_andKeepsTheOtherText() {
        Answer answer = Answer.choice("missing-feature", "price").withOther("<b>slow</b>");
        assertThat(Verbatims.answer(WHAT_WENT_WRONG, answer)).isEqualTo("A missing feature, Price, other: <b>slow</b>");
    }

    @Test
    void answer_anOptionTheQuestionNoLongerHas_isNamedByItsId() {
        assertThat(Verbatims.answer(WHAT_WENT_WRONG, Answer.choice("support"))).isEqualTo("support");
    }

    @Test
    void answer_ratingsAndYesNo_areTheirValues() {
        assertThat(Verbatims.answer(NpsQuestion.standard("nps"), Answer.rating(3))).isEqualTo("3");
        assertThat(Verbatims.answer(YesNoQuestion.of("callback", "Call?"), Answer.yesNo(false))).isEqualTo("no");
    }
}
