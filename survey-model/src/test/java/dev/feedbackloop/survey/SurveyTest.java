package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.condition.Condition.all;
import static dev.feedbackloop.survey.condition.Condition.answered;
import static dev.feedbackloop.survey.condition.Condition.any;
import static dev.feedbackloop.survey.condition.Condition.atLeast;
import static dev.feedbackloop.survey.condition.Condition.atMost;
import static dev.feedbackloop.survey.condition.Condition.equalTo;
import static dev.feedbackloop.survey.condition.Condition.in;
import static dev.feedbackloop.survey.condition.Condition.not;
import static dev.feedbackloop.survey.condition.Condition.notAnswered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.survey.condition.Condition;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SurveyTest {

    private static final List<ChoiceOption> OPTIONS =
            List.of(ChoiceOption.of("price", "Price"), ChoiceOption.of("bugs", "Bugs"));

    private static List<Question> base() {
        return List.of(NpsQuestion.standard("nps"), ChoiceQuestion.multiple("reason", "Why?", OPTIONS),
                YesNoQuestion.builder("resolved", "Resolved?").optional().build(),
                TextQuestion.optional("comment", "Anything else?"),
                RatingQuestion.csat("csat", "Satisfied?", 5));
    }

    private static ValidationResult checkWith(Condition condition, boolean required) {
        var questions = new java.util.ArrayList<>(base());
        TextQuestion.Builder follow = TextQuestion.builder("follow", "Tell us more").maxLength(500)
                .condition(condition);
        questions.add(required ? follow.build() : follow.optional().build());
        return Survey.check(questions);
    }

    @Nested
    final class Builder {

        @Test
        void build_validSurvey_keepsQuestionsInOrder() {
            Survey survey = TestSurveys.support();

            assertThat(survey.questions()).extracting(Question::id)
                    .containsExactly("nps", "reason", "csat", "ces", "resolved", "comment");
            assertThat(survey.question("csat")).isInstanceOf(RatingQuestion.class);
            assertThat(survey.findQuestion("csat")).containsSame(survey.question("csat"));
            assertThat(survey.findQuestion("none")).isEmpty();
        }

        @Test
        void question_unknownId_throwsNotFoundNamingIdAndSurvey() {
            Survey survey = TestSurveys.support();

            assertThatThrownBy(() -> survey.question("none")).isInstanceOf(NotFoundException.class)
                    .hasMessage("question 'none' does not exist in survey support v3")
                    .satisfies(e -> {
                        assertThat(((NotFoundException) e).kind()).isEqualTo("question");
                        assertThat(((NotFoundException) e).id()).isEqualTo("none");
                    });
        }

        @Test
        void build_invalidDefinition_throwsWithEveryViolation() {
            Survey.Builder builder = Survey.builder("s", 1).title("S")
                    .question(NpsQuestion.standard("q"))
                    .question(NpsQuestion.standard("q"))
                    .question(TextQuestion.builder("t", "Why?").optional().condition(answered("later")).build())
                    .question(TextQuestion.optional("later", "Later"));

            assertThat(builder.check().violations()).extracting(Violation::code).containsExactly(
                    ViolationCode.DUPLICATE_QUESTION_ID.code(), ViolationCode.CONDITION_FORWARD_REFERENCE.code());
            assertThatThrownBy(builder::build)
                    .isInstanceOf(SurveyDefinitionException.class)
                    .isInstanceOf(FeedbackLoopException.class)
                    .hasMessageContaining("survey s v1 is invalid (2 violations)")
                    .hasMessageContaining("questions[1].id: 'q' is already the id of questions[0]")
                    .hasMessageContaining("questions[2].condition.question: 'later' is a later question")
                    .satisfies(e -> assertThat(((SurveyDefinitionException) e).surveyId()).isEqualTo("s"));
        }

        @Test
        void build_withoutTitle_throwsIllegalState() {
            assertThatThrownBy(() -> Survey.builder("s", 1).build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("title");
        }

        @Test
        void builder_badIdOrVersion_failsAtOnce() {
            assertThatThrownBy(() -> Survey.builder("bad id", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'bad id'");
            assertThatThrownBy(() -> Survey.builder("s", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("version: 0");
        }

        @Test
        void constructor_checksTheWholeDefinitionToo() {
            assertThatThrownBy(() -> new Survey("s", 1, "en", LocalizedText.of("S"), null,
                    List.of(NpsQuestion.standard("q"), NpsQuestion.standard("q"))))
                    .isInstanceOf(SurveyDefinitionException.class);
        }
    }

    @Nested
    final class Conditions {

        static Stream<Arguments> validConditions() {
            return Stream.of(
                    Arguments.of(atMost("nps", 6)),
                    Arguments.of(atLeast("csat", 4)),
                    Arguments.of(equalTo("nps", "10")),
                    Arguments.of(in("reason", "price", "bugs")),
                    Arguments.of(equalTo("resolved", "no")),
                    Arguments.of(equalTo("comment", "exactly this")),
                    Arguments.of(all(answered("nps"), notAnswered("comment"))),
                    Arguments.of(any(atMost("nps", 6), not(equalTo("resolved", "yes")))),
                    Arguments.of(not(all(atLeast("nps", 0), atMost("nps", 10)))));
        }

        @ParameterizedTest
        @MethodSource("validConditions")
        void check_conditionOnEarlierQuestionWithKnownValues_isValid(Condition condition) {
            assertThat(checkWith(condition, true).violations()).isEmpty();
        }

        static Stream<Arguments> invalidConditions() {
            return Stream.of(
                    Arguments.of(answered("ghost"), ViolationCode.CONDITION_UNKNOWN_QUESTION,
                            "questions[5].condition.question: 'ghost' is not a question of this survey"),
                    Arguments.of(answered("follow"), ViolationCode.CONDITION_FORWARD_REFERENCE,
                            "questions[5].condition.question: 'follow' is this question"),
                    Arguments.of(atLeast("reason", 2), ViolationCode.CONDITION_INCOMPATIBLE_TYPE,
                            "questions[5].condition: 'reason' is a choice question; atLeast/atMost need an NPS or "
                                    + "rating question"),
                    Arguments.of(atMost("resolved", 1), ViolationCode.CONDITION_INCOMPATIBLE_TYPE,
                            "questions[5].condition: 'resolved' is a yesNo question"),
                    Arguments.of(atMost("nps", 11), ViolationCode.CONDITION_UNKNOWN_VALUE,
                            "questions[5].condition.value: 11 is outside 0..10 of 'nps'"),
                    Arguments.of(equalTo("csat", "6"), ViolationCode.CONDITION_UNKNOWN_VALUE,
                            "questions[5].condition.value: '6' is outside the scale 1..5 of 'csat'"),
                    Arguments.of(equalTo("csat", "05"), ViolationCode.CONDITION_UNKNOWN_VALUE,
                            "questions[5].condition.value: '05' is outside the scale 1..5 of 'csat'"),
                    Arguments.of(equalTo("nps", "high"), ViolationCode.CONDITION_UNKNOWN_VALUE,
                            "questions[5].condition.value: 'high' is not a rating on the scale 0..10 of 'nps'"),
                    Arguments.of(equalTo("resolved", "true"), ViolationCode.CONDITION_UNKNOWN_VALUE,
                            "questions[5].condition.value: 'true' is not 'yes' or 'no'"),
                    Arguments.of(any(answered("nps"), in("reason", "price", "weather")),
                            ViolationCode.CONDITION_UNKNOWN_VALUE,
                            "questions[5].condition.conditions[1].values: 'weather' is not an option id of 'reason'"),
                    Arguments.of(not(answered("nope")), ViolationCode.CONDITION_UNKNOWN_QUESTION,
                            "questions[5].condition.condition.question: 'nope'"));
        }

        @ParameterizedTest
        @MethodSource("invalidConditions")
        void check_invalidCondition_isReportedWithPath(Condition condition, ViolationCode code, String message) {
            ValidationResult result = checkWith(condition, false);

            assertThat(result.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(code.code());
                assertThat(violation.message()).startsWith(message);
            });
        }

        static Stream<Arguments> neverTrue() {
            return Stream.of(
                    Arguments.of(all(answered("nps"), not(answered("nps")))),
                    Arguments.of(all(atLeast("nps", 9), atMost("nps", 6))),
                    Arguments.of(all(equalTo("resolved", "yes"), equalTo("resolved", "no"))),
                    Arguments.of(all(notAnswered("csat"), atLeast("csat", 1))),
                    Arguments.of(not(any(answered("comment"), notAnswered("comment")))),
                    Arguments.of(all(in("reason", "price"), not(answered("reason")))),
                    Arguments.of(all(equalTo("comment", "a"), equalTo("comment", "b"))));
        }

        @ParameterizedTest
        @MethodSource("neverTrue")
        void check_requiredQuestionWithImpossibleCondition_isReported(Condition condition) {
            assertThat(checkWith(condition, true).violations()).singleElement()
                    .satisfies(violation -> assertThat(violation.is(ViolationCode.CONDITION_NEVER_TRUE)).isTrue());
        }

        @ParameterizedTest
        @MethodSource("neverTrue")
        void check_optionalQuestionWithImpossibleCondition_isAccepted(Condition condition) {
            assertThat(checkWith(condition, false).isValid()).isTrue();
        }

        @Test
        void check_multipleChoiceCondition_canBeTrueWithTwoSelections() {
            Condition both = all(in("reason", "price"), in("reason", "bugs"));

            assertThat(checkWith(both, true).isValid()).isTrue();
        }
    }

    @Nested
    final class Questions {

        @Test
        void check_duplicateOptionIds_reportsEachRepeat() {
            // The builders reject a repeated option at once; a definition read from JSON reaches the rule.
            var question = new ChoiceQuestion("q", LocalizedText.of("Pick"), true, null, null, true,
                    List.of(ChoiceOption.of("a", "A"), ChoiceOption.of("b", "B"), ChoiceOption.of("a", "A again")),
                    false, 1, 3);

            assertThat(Survey.check(List.of(question)).violations()).extracting(Violation::message)
                    .containsExactly("questions[0].options[2].id: 'a' is already the id of options[0]");
        }

        @Test
        void check_narrowCsatScale_isInvalid() {
            assertThat(Survey.check(List.of(RatingQuestion.csat("q", "Happy?", 2))).violations())
                    .extracting(Violation::message)
                    .containsExactly("questions[0].scale: 1..2 has 2 points; a CSAT scale needs at least 3 so that "
                            + "its top box is not the whole scale");
        }

        @Test
        void scale_outsideRange_isRejectedWithItsPath() {
            assertThatThrownBy(() -> Scale.of(1, 12)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scale.max: 12 is outside 2..11");
        }

        @Test
        void choiceQuestion_inconsistentSelections_isRejected() {
            assertThatThrownBy(() -> new ChoiceQuestion("q", LocalizedText.of("Pick"), true, null, null, true,
                    OPTIONS, false, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2..3 is not within 1..2");
        }
    }
}
