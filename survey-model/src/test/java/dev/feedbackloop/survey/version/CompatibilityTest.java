package dev.feedbackloop.survey.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingKind;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

final class CompatibilityTest {

    private static final List<ChoiceOption> OPTIONS = List.of(ChoiceOption.of("price", "Price"),
            ChoiceOption.of("bugs", "Bugs"));

    private static ChoiceQuestion why(Condition condition, List<ChoiceOption> options) {
        return ChoiceQuestion.builder("why", "Why?").options(options).multiple().optional().condition(condition)
                .build();
    }

    private static List<Question> questions() {
        return List.of(NpsQuestion.standard("nps"),
                why(Condition.atMost("nps", 6), OPTIONS),
                RatingQuestion.csat("csat", "Satisfied?", 5),
                TextQuestion.optional("comment", "Anything else?"));
    }

    private static Survey version(int version, List<Question> questions) {
        return Survey.builder("s", version).title("Title").questions(questions).build();
    }

    private static Survey changed(UnaryOperator<List<Question>> change) {
        return version(2, change.apply(new ArrayList<>(questions())));
    }

    private static List<Question> replace(List<Question> questions, int index, Question question) {
        questions.set(index, question);
        return questions;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("prompt wording", Impact.SAFE, "questions.csat.prompt", changed(q -> replace(q, 2,
                        RatingQuestion.csat("csat", "How satisfied are you?", 5)))),
                Arguments.of("translation", Impact.SAFE, "questions.nps.prompt", changed(q -> replace(q, 0,
                        NpsQuestion.builder("nps")
                                .prompt(LocalizedText.of(NpsQuestion.STANDARD_PROMPT).with("de", "Empfehlen?"))
                                .build()))),
                Arguments.of("help text", Impact.SAFE, "questions.nps.helpText", changed(q -> replace(q, 0,
                        NpsQuestion.builder("nps").helpText("0 = not at all").build()))),
                Arguments.of("option label", Impact.SAFE, "questions.why.options.bugs.label", changed(q -> replace(q, 1,
                        why(Condition.atMost("nps", 6),
                                List.of(ChoiceOption.of("price", "Price"), ChoiceOption.of("bugs", "Errors")))))),
                Arguments.of("added question", Impact.SAFE, "questions.extra", changed(q -> {
                    q.add(YesNoQuestion.builder("extra", "More?").optional().build());
                    return q;
                })),
                Arguments.of("text length", Impact.SAFE, "questions.comment.maxLength", changed(q -> replace(q, 3,
                        TextQuestion.builder("comment", "Anything else?").maxLength(5000).optional().build()))),
                Arguments.of("scale", Impact.SCORING_RELEVANT, "questions.csat.scale", changed(q -> replace(q, 2,
                        RatingQuestion.csat("csat", "Satisfied?", 7)))),
                // No builder makes a lower-is-better CSAT question; a definition read from JSON can have one.
                Arguments.of("polarity", Impact.SCORING_RELEVANT, "questions.csat.polarity", changed(q -> replace(q, 2,
                        new RatingQuestion("csat", LocalizedText.of("Satisfied?"), true, null, null, RatingKind.CSAT,
                                Scale.of(1, 5), Polarity.LOWER_IS_BETTER)))),
                Arguments.of("rating kind", Impact.SCORING_RELEVANT, "questions.csat.kind", changed(q -> replace(q, 2,
                        RatingQuestion.builder("csat", "Satisfied?").generic(Scale.of(1, 5), Polarity.HIGHER_IS_BETTER)
                                .build()))),
                Arguments.of("options", Impact.SCORING_RELEVANT, "questions.why.options", changed(q -> replace(q, 1,
                        why(Condition.atMost("nps", 6), List.of(ChoiceOption.of("price", "Price")))))),
                Arguments.of("condition", Impact.SCORING_RELEVANT, "questions.why.condition", changed(q -> replace(q, 1,
                        why(Condition.atMost("nps", 8), OPTIONS)))),
                Arguments.of("removed question", Impact.SCORING_RELEVANT, "questions.comment", changed(q -> {
                    q.remove(3);
                    return q;
                })),
                Arguments.of("id reused for another type", Impact.BREAKING, "questions.comment", changed(q -> replace(q,
                        3, YesNoQuestion.builder("comment", "OK?").optional().build()))),
                Arguments.of("another survey", Impact.BREAKING, "id",
                        Survey.builder("other", 2).title("Title").questions(questions()).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void change_isClassified(String label, Impact impact, String path, Survey changed) {
        Compatibility compatibility = Compatibility.between(version(1, questions()), changed);

        assertThat(compatibility.changes()).extracting(Change::path).contains(path);
        assertThat(compatibility.impact()).isEqualTo(impact);
        assertThat(compatibility.poolable()).isEqualTo(impact == Impact.SAFE);
    }

    @Test
    void identicalVersions_haveNoChangesAndPool() {
        Compatibility compatibility = Compatibility.between(version(1, questions()), version(2, questions()));

        assertThat(compatibility.changes()).isEmpty();
        assertThat(compatibility.poolable()).isTrue();
    }

    @Test
    void sameVersionNumberWithOtherDefinition_isBreaking() {
        Survey other = Survey.builder("s", 1).title("Other title").questions(questions()).build();

        assertThat(Compatibility.between(version(1, questions()), other).changes(Impact.BREAKING))
                .extracting(Change::path).containsExactly("version");
    }

    @Test
    void scaleChange_blocksPoolingOfThatQuestionOnly() {
        Compatibility compatibility = Compatibility.between(version(1, questions()),
                changed(q -> replace(q, 2, RatingQuestion.csat("csat", "Satisfied?", 7))));

        assertThat(compatibility.poolable("csat")).isFalse();
        assertThat(compatibility.poolable("nps")).isTrue();
        assertThat(compatibility.poolable("missing")).isFalse();
    }

    @Test
    void reorderedQuestionsAndOptions_areSafe() {
        List<Question> reordered = new ArrayList<>(questions());
        reordered.set(1, why(Condition.atMost("nps", 6), List.of(OPTIONS.get(1), OPTIONS.get(0))));
        Question comment = reordered.remove(3);
        reordered.add(2, comment);

        Compatibility compatibility = Compatibility.between(version(1, questions()), version(2, reordered));

        assertThat(compatibility.impact()).isEqualTo(Impact.SAFE);
        assertThat(compatibility.changes()).extracting(Change::description)
                .contains("options reordered from [price, bugs] to [bugs, price]", "moved from position 3 to 2");
    }

    @ParameterizedTest
    @EnumSource(Impact.class)
    void onlySafeChanges_pool(Impact impact) {
        assertThat(impact.poolable()).isEqualTo(impact == Impact.SAFE);
    }

    @Test
    void changeDescriptions_sayFromWhatToWhat() {
        Compatibility compatibility = Compatibility.between(version(1, questions()),
                changed(q -> replace(q, 2, RatingQuestion.csat("csat", "Satisfied?", 7))));

        assertThat(compatibility.changes()).singleElement().hasToString(
                "SCORING_RELEVANT questions.csat.scale: 1..5 became 1..7");
        assertThat(Map.of("n", compatibility.changes(Impact.SCORING_RELEVANT).size())).containsEntry("n", 1);
    }
}
