package dev.feedbackloop.survey.validation;

import static dev.feedbackloop.survey.TestSurveys.detractor;
import static dev.feedbackloop.survey.TestSurveys.promoter;
import static dev.feedbackloop.survey.TestSurveys.support;
import static dev.feedbackloop.survey.condition.Condition.all;
import static dev.feedbackloop.survey.condition.Condition.answered;
import static dev.feedbackloop.survey.condition.Condition.atLeast;
import static dev.feedbackloop.survey.condition.Condition.equalTo;
import static dev.feedbackloop.survey.condition.Condition.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Polarity;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingKind;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every violation code, produced by a minimal case; the switch expression makes a new code fail to compile. */
final class ViolationCodeTest {

    private static final ResponseValidator VALIDATOR = ResponseValidator.standard();

    @ParameterizedTest
    @EnumSource(ViolationCode.class)
    void everyCode_isProducedByItsCase(ViolationCode code) {
        ValidationResult result = produce(code);

        assertThat(result.violations()).extracting(Violation::code).contains(code.code());
        assertThat(result.violations()).allSatisfy(violation ->
                assertThat(violation.message()).startsWith(violation.path()));
    }

    @ParameterizedTest
    @EnumSource(ViolationCode.class)
    void fromCode_returnsTheConstant(ViolationCode code) {
        assertThat(ViolationCode.fromCode(code.code())).isSameAs(code);
    }

    @Test
    void codes_areUniqueAndStable() {
        assertThat(Arrays.stream(ViolationCode.values()).map(ViolationCode::code).distinct())
                .hasSize(ViolationCode.values().length)
                .allMatch(code -> code.matches("(definition|response|answer)\\.[a-z-]+|constraint"));
        assertThat(ViolationCode.OUT_OF_SCALE.code()).isEqualTo("answer.out-of-scale");
        assertThatThrownBy(() -> ViolationCode.fromCode("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    private static ValidationResult produce(ViolationCode code) {
        return switch (code) {
            case DUPLICATE_QUESTION_ID -> Survey.check(List.of(NpsQuestion.standard("q"), NpsQuestion.standard("q")));
            // The builders reject a repeated option at once; a definition read from JSON reaches the rule.
            case DUPLICATE_OPTION_ID -> Survey.check(List.of(new ChoiceQuestion("q", LocalizedText.of("Pick"), true,
                    null, null, false, List.of(ChoiceOption.of("a", "A"), ChoiceOption.of("a", "Also A")), false, 1,
                    1)));
            case INVALID_SCALE -> Survey.check(List.of(RatingQuestion.cesAgreement("q", "Easy?", 3)));
            case CONDITION_UNKNOWN_QUESTION -> Survey.check(List.of(conditional("q", answered("missing"))));
            case CONDITION_FORWARD_REFERENCE -> Survey.check(List.of(conditional("q", answered("later")),
                    NpsQuestion.standard("later")));
            case CONDITION_INCOMPATIBLE_TYPE -> Survey.check(List.of(yesNo("yes"), conditional("q",
                    atLeast("yes", 1))));
            case CONDITION_UNKNOWN_VALUE -> Survey.check(List.of(yesNo("yes"), conditional("q",
                    equalTo("yes", "maybe"))));
            case CONDITION_NEVER_TRUE -> Survey.check(List.of(NpsQuestion.standard("nps"), conditional("q",
                    all(answered("nps"), not(answered("nps"))))));
            case WRONG_SURVEY -> VALIDATOR.validate(support(),
                    Response.builder("r", "other", 3, dev.feedbackloop.survey.TestSurveys.SUBMITTED).build());
            case WRONG_VERSION -> VALIDATOR.validate(support(),
                    Response.builder("r", "support", 2, dev.feedbackloop.survey.TestSurveys.SUBMITTED).build());
            case INVALID_SHOWN_ORDER -> VALIDATOR.validate(support(),
                    promoter().shownOrder(List.of("nps", "nps")).build());
            case INVALID_CHARACTER -> VALIDATOR.validate(support(), promoter().channel("e\u0000mail").build());
            case UNKNOWN_QUESTION -> VALIDATOR.validate(support(), promoter().answer("age", Answer.rating(3)).build());
            case WRONG_ANSWER_TYPE -> VALIDATOR.validate(support(), promoter().answer("nps", Answer.text("9")).build());
            case OUT_OF_SCALE -> VALIDATOR.validate(support(), promoter().answer("nps", Answer.rating(11)).build());
            case UNKNOWN_OPTION -> VALIDATOR.validate(support(),
                    detractor().answer("reason", Answer.choice("weather")).build());
            case TOO_MANY_SELECTIONS -> VALIDATOR.validate(support(),
                    detractor().answer("reason", Answer.choice("price", "bugs", "support")).build());
            case TOO_FEW_SELECTIONS -> VALIDATOR.validate(support(),
                    detractor().answer("reason", Answer.choice()).build());
            case OTHER_NOT_ALLOWED -> VALIDATOR.validate(surveyOf(ChoiceQuestion.single("q", "Pick",
                    List.of(ChoiceOption.of("a", "A")))), responseTo("q", new Answer.Choice(List.of(), "else")));
            case BLANK_TEXT -> VALIDATOR.validate(support(), detractor().answer("comment", Answer.text(" ")).build());
            case TEXT_TOO_LONG -> VALIDATOR.validate(support(),
                    detractor().answer("comment", Answer.text("x".repeat(201))).build());
            case REQUIRED_MISSING -> VALIDATOR.validate(support(), Response.builder("r", support(),
                    dev.feedbackloop.survey.TestSurveys.SUBMITTED).answer("csat", Answer.rating(4)).build());
            case HIDDEN_ANSWERED -> VALIDATOR.validate(support(),
                    promoter().answer("reason", Answer.choice("price")).build());
            case CONSTRAINT -> VALIDATOR.validate(support(), promoter().channel("c".repeat(65)).build());
        };
    }

    private static Question conditional(String id, Condition condition) {
        return TextQuestion.builder(id, "Why?").maxLength(100).condition(condition).build();
    }

    private static Question yesNo(String id) {
        return YesNoQuestion.builder(id, "Yes?").optional().build();
    }

    private static Survey surveyOf(Question... questions) {
        return Survey.builder("s", 1).title("S").questions(List.of(questions)).build();
    }

    private static Response responseTo(String questionId, Answer answer) {
        return Response.builder("r", "s", 1, dev.feedbackloop.survey.TestSurveys.SUBMITTED)
                .answer(questionId, answer).build();
    }

    @Test
    void everyScaleKind_isAcceptedOnAWideEnoughScale() {
        var accepted = new HashSet<RatingKind>();
        for (RatingKind kind : RatingKind.values()) {
            var question = new RatingQuestion("q", LocalizedText.of("Rate"), true, null, null, kind, Scale.of(1, 5),
                    Polarity.LOWER_IS_BETTER);
            if (Survey.check(List.of(question)).isValid()) {
                accepted.add(kind);
            }
        }
        assertThat(accepted).containsExactlyInAnyOrder(RatingKind.values());
    }

    @Test
    void respondentConstraints_mapToPathsOfTheAttributes() {
        var attributes = new HashMap<String, String>();
        attributes.put("plan", "p".repeat(Respondent.MAX_ATTRIBUTE_VALUE_LENGTH + 1));
        attributes.put("", "empty name");
        Response response = promoter().respondent(new Respondent("c".repeat(129), Map.copyOf(attributes))).build();

        ValidationResult result = VALIDATOR.validate(support(), response);

        assertThat(result.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "respondent.attributes[].name", "respondent.attributes[plan]", "respondent.customerId");
        assertThat(result.violations()).allMatch(violation -> violation.is(ViolationCode.CONSTRAINT));
        assertThat(result.violations()).anySatisfy(violation -> assertThat(violation.message())
                .isEqualTo("respondent.customerId: size must be between 0 and 128 (Size)"));
    }

    @Test
    void surveyRulesOnly_skipsBeanValidation() {
        Response response = promoter().channel("c".repeat(65)).build();

        assertThat(ResponseValidator.surveyRulesOnly().validate(support(), response).isValid()).isTrue();
        assertThat(ResponseValidator.standard().validate(support(), response).isValid()).isFalse();
    }
}
