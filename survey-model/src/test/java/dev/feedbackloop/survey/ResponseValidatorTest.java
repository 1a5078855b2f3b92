package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.TestSurveys.detractor;
import static dev.feedbackloop.survey.TestSurveys.promoter;
import static dev.feedbackloop.survey.TestSurveys.support;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.survey.validation.ValidationException;
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

final class ResponseValidatorTest {

    private final ResponseValidator validator = ResponseValidator.standard();
    private final Survey survey = support();

    @Nested
    final class Accepts {

        @Test
        void promoter_skippingHiddenQuestions_isValid() {
            assertThat(validator.validate(survey, promoter().build()).violations()).isEmpty();
        }

        @Test
        void detractor_answeringConditionalQuestions_isValid() {
            assertThat(validator.validate(survey, detractor().build()).violations()).isEmpty();
        }

        @Test
        void textLimit_countsCodePointsNotChars() {
            String emoji = "\uD83D\uDE00".repeat(200);
            Response response = detractor().answer("comment", Answer.text(emoji)).build();

            assertThat(validator.validate(survey, response).isValid()).isTrue();
            assertThat(validator.validate(survey, detractor().answer("comment", Answer.text(emoji + "!")).build())
                    .violations()).singleElement().extracting(Violation::message)
                    .isEqualTo("answers.comment: text of 201 code points is longer than the 200 allowed");
        }
    }

    @Nested
    final class Rejects {

        static Stream<Arguments> singleViolations() {
            return Stream.of(
                    Arguments.of(promoter().answer("nps", Answer.rating(11)), "answers.nps: 11 is outside 0..10"),
                    Arguments.of(promoter().answer("csat", Answer.rating(0)), "answers.csat: 0 is outside 1..5"),
                    Arguments.of(promoter().answer("csat", Answer.yesNo(true)),
                            "answers.csat: expected a rating answer, got a yes/no answer"),
                    Arguments.of(promoter().answer("resolved", Answer.rating(1)),
                            "answers.resolved: expected a yes/no answer, got a rating answer"),
                    Arguments.of(detractor().answer("reason", Answer.text("bugs")),
                            "answers.reason: expected a choice answer, got a text answer"),
                    Arguments.of(detractor().answer("comment", Answer.choice("x")),
                            "answers.comment: expected a text answer, got a choice answer"),
                    Arguments.of(detractor().answer("reason", Answer.choice("bugs", "weather")),
                            "answers.reason: 'weather' is not an option of question 'reason'"),
                    Arguments.of(detractor().answer("reason", new Answer.Choice(List.of("bugs", "price"), "slow")),
                            "answers.reason: 3 selections are more than the 2 allowed"),
                    Arguments.of(detractor().answer("reason", Answer.choice()),
                            "answers.reason: 0 selections are fewer than the 1 required"),
                    Arguments.of(detractor().answer("reason", new Answer.Choice(List.of(), " ")),
                            "answers.reason: text is blank; leave the question unanswered instead"),
                    Arguments.of(promoter().answer("reason", Answer.choice("price")),
                            "answers.reason: was answered, but its condition hides it for this response"),
                    Arguments.of(detractor().answer("comment", Answer.text("")),
                            "answers.comment: text is blank; leave the question unanswered instead"),
                    Arguments.of(promoter().answer("extra", Answer.rating(1)),
                            "answers.extra: 'extra' is not a question of survey support v3"),
                    Arguments.of(promoter().shownOrder(List.of("nps", "ghost")),
                            "shownOrder[1]: 'ghost' is not a question of survey support v3"),
                    Arguments.of(promoter().channel("x".repeat(65)),
                            "channel: size must be between 0 and 64 (Size)"));
        }

        @ParameterizedTest
        @MethodSource("singleViolations")
        void invalidResponse_reportsOneViolationWithPathAndMessage(Response.Builder response, String message) {
            ValidationResult result = ResponseValidator.standard().validate(support(), response.build());

            assertThat(result.violations()).extracting(Violation::message).containsExactly(message);
        }

        @Test
        void manyProblems_areAllReportedAtOnceInQuestionOrder() {
            Response response = Response.builder("r", support(), TestSurveys.SUBMITTED)
                    .answer("nps", Answer.rating(4))
                    .answer("csat", Answer.rating(9))
                    .answer("resolved", Answer.text("yes"))
                    .answer("zzz", Answer.rating(1))
                    .build();

            ValidationResult result = validator.validate(survey, response);

            assertThat(result.violations()).extracting(Violation::path, Violation::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("answers.zzz", "answer.unknown-question"),
                    org.assertj.core.groups.Tuple.tuple("answers.reason", "answer.required-missing"),
                    org.assertj.core.groups.Tuple.tuple("answers.csat", "answer.out-of-scale"),
                    org.assertj.core.groups.Tuple.tuple("answers.resolved", "answer.wrong-type"));
        }

        @Test
        void otherSurveyVersion_stopsBeforeTheAnswers() {
            Response response = Response.builder("r", "support", 2, TestSurveys.SUBMITTED)
                    .answer("nps", Answer.rating(42)).build();

            assertThat(validator.validate(survey, response).violations()).extracting(Violation::message)
                    .containsExactly("surveyVersion: 2 is not the version validated against, 3");
        }

        @Test
        void orThrow_throwsValidationExceptionWithEveryViolation() {
            ValidationResult result = validator.validate(survey,
                    promoter().answer("nps", Answer.rating(11)).answer("csat", Answer.rating(6)).build());

            assertThatThrownBy(result::orThrow).isInstanceOf(ValidationException.class)
                    .isInstanceOf(FeedbackLoopException.class)
                    .hasMessageContaining("(2 violations)")
                    .hasMessageContaining("answers.nps: 11 is outside 0..10 [answer.out-of-scale]")
                    .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2));
        }

        @Test
        void hiddenAnswer_doesNotMakeLaterQuestionsVisible() {
            // comment shows when resolved = no; resolved is unconditional, so make a chain through a hidden one:
            Response response = promoter().answer("reason", Answer.choice("bugs")).build();

            assertThat(validator.validate(survey, response).violations()).extracting(Violation::code)
                    .containsExactly(ViolationCode.HIDDEN_ANSWERED.code());
        }
    }

    @Test
    void validResult_orThrowReturnsItself() {
        ValidationResult valid = ValidationResult.valid();

        assertThat(valid.orThrow()).isSameAs(valid);
        assertThat(valid).hasToString("valid");
    }
}
