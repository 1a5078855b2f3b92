package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.TestSurveys.detractor;
import static dev.feedbackloop.survey.TestSurveys.promoter;
import static dev.feedbackloop.survey.TestSurveys.support;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.condition.Condition;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-survey compiled form behind {@link ResponseValidator}: every question type, the cache and its bounds. */
final class CompiledSurveyTest {

    private static final ResponseValidator VALIDATOR = ResponseValidator.standard();

    private static Survey oneQuestion(String surveyId, int version, Question question) {
        return Survey.builder(surveyId, version).title("S").question(question).build();
    }

    private static Response answering(Survey survey, String questionId, Answer answer) {
        return Response.builder("r", survey, TestSurveys.SUBMITTED).answer(questionId, answer).build();
    }

    @Test
    void everyQuestionType_hasAKind() {
        List<Question> questions = List.of(NpsQuestion.standard("nps"), RatingQuestion.csat("csat", "Happy?", 5),
                ChoiceQuestion.single("pick", "Pick", List.of(ChoiceOption.of("a", "A"))),
                TextQuestion.optional("text", "More?"), YesNoQuestion.builder("ok", "OK?").optional().build());
        Survey survey = Survey.builder("kinds", 1).title("Kinds").questions(questions).build();

        CompiledSurvey compiled = CompiledSurvey.of(survey);

        List<Object> types = questions.stream().map(Object::getClass).collect(Collectors.toList());
        assertThat(types).containsExactlyInAnyOrder((Object[]) Question.class.getPermittedSubclasses());
        assertThat(Arrays.stream(compiled.items).map(CompiledSurvey.Item::kind)).containsExactly(
                CompiledSurvey.Kind.NPS, CompiledSurvey.Kind.RATING, CompiledSurvey.Kind.CHOICE,
                CompiledSurvey.Kind.TEXT, CompiledSurvey.Kind.YES_NO);
        assertThat(compiled.items[0].max()).isEqualTo(10);
        assertThat(compiled.items[2].optionIds()).containsExactly("a");
        assertThat(compiled.indexOf("text")).isEqualTo(3);
        assertThat(compiled.indexOf("nope")).isEqualTo(-1);
    }

    @Nested
    final class Cache {

        @Test
        void sameSurveyInstance_isCompiledOnce() {
            Survey survey = support();

            assertThat(CompiledSurvey.of(survey)).isSameAs(CompiledSurvey.of(survey));
        }

        @Test
        void newInstanceOfTheSameVersion_replacesTheOldDefinition() {
            Survey first = oneQuestion("cache-replace", 1, NpsQuestion.standard("a"));
            Survey second = oneQuestion("cache-replace", 1, NpsQuestion.standard("b"));

            assertThat(VALIDATOR.validate(first, answering(first, "a", Answer.rating(5))).isValid()).isTrue();
            assertThat(VALIDATOR.validate(second, answering(second, "b", Answer.rating(5))).isValid()).isTrue();
            assertThat(VALIDATOR.validate(second, answering(second, "a", Answer.rating(5))).violations())
                    .extracting(Violation::message)
                    .containsExactly("answers.a: 'a' is not a question of survey cache-replace v1",
                            "answers.b: is required and was shown, but not answered");
            assertThat(CompiledSurvey.of(first)).isNotSameAs(CompiledSurvey.of(second));
        }

        @Test
        void severalVersions_areKeptSideBySide() {
            Survey v1 = oneQuestion("cache-versions", 1, NpsQuestion.standard("a"));
            Survey v2 = oneQuestion("cache-versions", 2, NpsQuestion.standard("b"));
            CompiledSurvey compiled = CompiledSurvey.of(v1);

            CompiledSurvey.of(v2);

            assertThat(CompiledSurvey.of(v1)).isSameAs(compiled);
        }

        @Test
        void manySurveys_keepTheCacheBounded() {
            for (int i = 0; i < CompiledSurvey.MAX_CACHED_IDS + 10; i++) {
                Survey survey = oneQuestion("cache-bound-" + i, 1, NpsQuestion.standard("a"));
                assertThat(VALIDATOR.validate(survey, answering(survey, "a", Answer.rating(11))).violations())
                        .extracting(Violation::code).containsExactly(ViolationCode.OUT_OF_SCALE.code());
            }

            assertThat(CompiledSurvey.cachedIds()).isLessThanOrEqualTo(CompiledSurvey.MAX_CACHED_IDS);
        }

        @Test
        void concurrentValidations_ofManySurveyInstances_agreeWithOneThread() throws Exception {
            var surveys = new ArrayList<Survey>();
            for (int i = 0; i < 40; i++) {
                surveys.add(i % 2 == 0 ? support() : oneQuestion("cache-race", 1 + i % 5,
                        NpsQuestion.standard("q" + i)));
            }
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            var start = new CountDownLatch(1);
            try {
                var results = new ArrayList<Future<List<ValidationResult>>>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        var mine = new ArrayList<ValidationResult>();
                        for (int round = 0; round < 20; round++) {
                            for (Survey survey : surveys) {
                                mine.add(validateTypical(survey));
                            }
                        }
                        return mine;
                    }));
                }
                start.countDown();
                var expected = new ArrayList<ValidationResult>();
                for (int round = 0; round < 20; round++) {
                    for (Survey survey : surveys) {
                        expected.add(validateTypical(survey));
                    }
                }
                for (Future<List<ValidationResult>> result : results) {
                    assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private ValidationResult validateTypical(Survey survey) {
            if (survey.id().equals("support")) {
                return VALIDATOR.validate(survey, detractor().answer("comment", Answer.text("")).build());
            }
            String questionId = survey.questions().get(0).id();
            return VALIDATOR.validate(survey, answering(survey, questionId, Answer.rating(12)));
        }
    }

    @Nested
    final class VisibleAnswersView {

        @Test
        void conditionsSeeOnlyAnswersToVisibleQuestions() {
            Survey survey = Survey.builder("visible", 1).title("Visible")
                    .question(NpsQuestion.standard("nps"))
                    .question(YesNoQuestion.builder("hidden", "H?").optional().condition(Condition.atMost("nps", 6))
                            .build())
                    .question(YesNoQuestion.builder("after", "A?").condition(Condition.answered("hidden")).build())
                    .build();
            CompiledSurvey compiled = CompiledSurvey.of(survey);
            Map<String, Answer> answers = Map.of("nps", Answer.rating(9), "hidden", Answer.yesNo(true));
            var view = new CompiledSurvey.VisibleAnswers(compiled, answers);

            view.show(0);

            assertThat(view.get("nps")).isEqualTo(Answer.rating(9));
            assertThat(view.containsKey("hidden")).isFalse();
            assertThat(view).containsExactly(Map.entry("nps", Answer.rating(9)));
            assertThat(VALIDATOR.validate(survey, Response.builder("r", survey, TestSurveys.SUBMITTED)
                    .answer("nps", Answer.rating(9)).answer("hidden", Answer.yesNo(true)).build()).violations())
                    .extracting(Violation::path, Violation::code).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("answers.hidden",
                                    ViolationCode.HIDDEN_ANSWERED.code()));
        }

        @Test
        void promoterAndDetractor_seeTheirConditionalQuestions() {
            assertThat(VALIDATOR.validate(support(), promoter().build()).isValid()).isTrue();
            assertThat(VALIDATOR.validate(support(), detractor().build()).isValid()).isTrue();
        }
    }
}
