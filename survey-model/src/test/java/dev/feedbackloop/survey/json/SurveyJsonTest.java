package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.LocalizedText;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TestSurveys;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SurveyJsonTest {

    private static final SurveyJson JSON = SurveyJson.standard();
    static final List<String> EXAMPLES = List.of("support-ticket", "onboarding", "product-feedback");

    static String resource(String name) {
        try (InputStream in = SurveyJsonTest.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One question of each permitted type, with a condition on the NPS question before it where it can have one. */
    static Map<Class<?>, Question> questionOfEachType() {
        var questions = new LinkedHashMap<Class<?>, Question>();
        questions.put(NpsQuestion.class, NpsQuestion.builder("nps")
                .prompt(LocalizedText.of("Recommend?").with("de", "Empfehlen?")).helpText("0 = not at all").build());
        questions.put(RatingQuestion.class, RatingQuestion.builder("effort", "Effort?")
                .cesEffort(new Scale(1, 7, Map.of(1, LocalizedText.of("Low"),
                        7, LocalizedText.of("High").with("fr", "Élevé"))))
                .optional().condition(Condition.answered("nps")).build());
        questions.put(ChoiceQuestion.class, ChoiceQuestion.builder("why", "Why?")
                .option("a", "A").option(new ChoiceOption("b", LocalizedText.of("B").with("de", "Be")))
                .multiple(1, 3).allowOther().condition(Condition.atMost("nps", 6)).build());
        questions.put(TextQuestion.class, TextQuestion.builder("more", "More?").maxLength(500).optional().build());
        questions.put(YesNoQuestion.class, YesNoQuestion.builder("ok", "OK?").optional()
                .condition(Condition.not(Condition.atLeast("nps", 9))).build());
        return questions;
    }

    static Map<Class<?>, Condition> conditionOfEachType() {
        var conditions = new LinkedHashMap<Class<?>, Condition>();
        conditions.put(Condition.Answered.class, Condition.answered("nps"));
        conditions.put(Condition.NotAnswered.class, Condition.notAnswered("pick"));
        conditions.put(Condition.AtLeast.class, Condition.atLeast("nps", 7));
        conditions.put(Condition.AtMost.class, Condition.atMost("nps", 6));
        conditions.put(Condition.Equals.class, Condition.equalTo("ok", "no"));
        conditions.put(Condition.In.class, Condition.in("pick", "b", "a", "c"));
        conditions.put(Condition.All.class, Condition.all(Condition.answered("nps"), Condition.answered("ok")));
        conditions.put(Condition.Any.class, Condition.any(Condition.atMost("nps", 3), Condition.equalTo("ok", "no")));
        conditions.put(Condition.Not.class, Condition.not(Condition.in("pick", "a")));
        return conditions;
    }

    static Map<Class<?>, Answer> answerOfEachType() {
        var answers = new LinkedHashMap<Class<?>, Answer>();
        answers.put(Answer.Rating.class, Answer.rating(3));
        answers.put(Answer.Choice.class, new Answer.Choice(List.of("b", "a"), "other \"quoted\" text"));
        answers.put(Answer.Text.class, Answer.text("Line one\nLine two \uD83D\uDE00 ünïcödé"));
        answers.put(Answer.YesNo.class, Answer.yesNo(false));
        return answers;
    }

    @Nested
    final class RoundTrip {

        @Test
        void everySealedFamily_isCoveredByTheRoundTripFixtures() {
            assertThat(questionOfEachType().keySet())
                    .containsExactlyInAnyOrder(Question.class.getPermittedSubclasses());
            assertThat(conditionOfEachType().keySet())
                    .containsExactlyInAnyOrder(Condition.class.getPermittedSubclasses());
            assertThat(answerOfEachType().keySet()).containsExactlyInAnyOrder(Answer.class.getPermittedSubclasses());
        }

        @Test
        void everyQuestionType_isWrittenUnderItsOwnDistinctTypeName() {
            Survey survey = Survey.builder("all-types", 1).title(LocalizedText.of("All types"))
                    .questions(List.copyOf(questionOfEachType().values())).build();

            String json = JSON.write(survey);

            for (Question question : questionOfEachType().values()) {
                assertThat(json).as(question.getClass().getSimpleName()).containsPattern(
                        "\"type\"\\s*:\\s*\"" + question.type() + "\"\\s*,\\s*\"id\"\\s*:\\s*\""
                                + question.id() + "\"");
            }
            assertThat(questionOfEachType().values()).extracting(Question::type)
                    .containsExactlyInAnyOrder("nps", "rating", "choice", "text", "yesNo");
        }

        @Test
        void everyQuestionType_roundTrips() {
            Survey survey = Survey.builder("all-types", 2).defaultLanguage("en-GB")
                    .title(LocalizedText.of("All types").with("de", "Alle Typen"))
                    .description(LocalizedText.of("Described"))
                    .questions(List.copyOf(questionOfEachType().values()))
                    .build();

            String json = JSON.write(survey);

            assertThat(JSON.readSurvey(json)).isEqualTo(survey);
            assertThat(JSON.write(JSON.readSurvey(json))).isEqualTo(json);
        }

        static Stream<Condition> conditions() {
            return conditionOfEachType().values().stream();
        }

        @ParameterizedTest
        @MethodSource("conditions")
        void everyConditionType_roundTrips(Condition condition) {
            Survey survey = Survey.builder("conditions", 1).title("Conditions")
                    .question(NpsQuestion.standard("nps"))
                    .question(ChoiceQuestion.multiple("pick", "Pick", List.of(ChoiceOption.of("a", "A"),
                            ChoiceOption.of("b", "B"), ChoiceOption.of("c", "C"))))
                    .question(YesNoQuestion.builder("ok", "OK?").optional().build())
                    .question(TextQuestion.builder("last", "Last").maxLength(10).optional().condition(condition)
                            .build())
                    .build();

            assertThat(JSON.readSurvey(JSON.write(survey))).isEqualTo(survey);
        }

        @Test
        void everyAnswerType_roundTrips() {
            var builder = Response.builder("r-9", "s", 4, TestSurveys.SUBMITTED)
                    .respondent(Respondent.of("c-1", Map.of("plan", "pro", "région", "ÉU")))
                    .channel("in-app")
                    .shownOrder(List.of("q1", "q0"));
            int i = 0;
            for (Answer answer : answerOfEachType().values()) {
                builder.answer("q" + i++, answer);
            }
            Response response = builder.build();

            String json = JSON.write(response);

            assertThat(json).doesNotContain("\n");
            assertThat(JSON.readResponse(json)).isEqualTo(response);
            assertThat(JSON.readResponse(new StringReader(json))).isEqualTo(response);
            assertThat(JSON.readResponse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(response);
        }

        @Test
        void anonymousResponse_roundTrips() {
            Response response = Response.builder("r", "s", 1, TestSurveys.SUBMITTED).build();

            assertThat(JSON.readResponse(JSON.write(response))).isEqualTo(response);
        }

        @Test
        void output_isStableWhateverTheSetOrder() {
            Condition in = new Condition.In("pick", Set.of("c", "a", "b"));

            assertThat(SurveyJson.standard().write(Survey.builder("s", 1).title("S")
                    .question(ChoiceQuestion.multiple("pick", "Pick", List.of(ChoiceOption.of("a", "A"),
                            ChoiceOption.of("b", "B"), ChoiceOption.of("c", "C"))))
                    .question(TextQuestion.builder("t", "T").maxLength(5).optional().condition(in).build()).build()))
                    .contains("\"values\" : [ \"a\", \"b\", \"c\" ]");
        }
    }

    @Nested
    final class Examples {

        static Stream<String> examples() {
            return EXAMPLES.stream();
        }

        @ParameterizedTest
        @MethodSource("examples")
        void exampleSurvey_readsAndRoundTrips(String name) {
            String json = resource("examples/" + name + ".json");

            Survey survey = JSON.readSurvey(json);

            assertThat(survey.id()).isEqualTo(name);
            assertThat(JSON.readSurvey(JSON.write(survey))).isEqualTo(survey);
        }

        @ParameterizedTest
        @MethodSource("examples")
        void exampleSurvey_readsFromBytesAsFromText(String name) {
            String json = resource("examples/" + name + ".json");

            assertThat(JSON.readSurvey(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(JSON.readSurvey(json));
        }

        @Test
        void exampleResponse_isValidForItsSurvey() {
            Survey survey = JSON.readSurvey(resource("examples/support-ticket.json"));
            Response response = JSON.readResponse(resource("responses/detractor.json"));

            assertThat(ResponseValidator.standard().validate(survey, response).violations()).isEmpty();
            assertThat(response.answer("reason")).isEqualTo(new Answer.Choice(List.of("bugs"),
                    "The app is slow on Mondays"));
        }

        @Test
        void jsonDocumentation_examplesReadAndValidate() throws IOException {
            String doc = java.nio.file.Files.readString(java.nio.file.Path.of("JSON.md"));
            List<String> blocks = Arrays.stream(doc.split("```json\n")).skip(1)
                    .map(block -> block.substring(0, block.indexOf("```"))).collect(Collectors.toList());
            assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);

            Survey survey = JSON.readSurvey(blocks.get(0));
            Response response = JSON.readResponse(blocks.get(1));

            assertThat(ResponseValidator.standard().validate(survey, response).violations()).isEmpty();
        }
    }

    @Nested
    final class Failures {

        private static final String VALID = """
                {
                  "id": "s",
                  "version": 1,
                  "title": "S",
                  "questions": [
                    {"type": "nps", "id": "nps", "prompt": "Recommend?", "required": true},
                    {"type": "rating", "id": "csat", "prompt": "Happy?", "kind": "csat",
                     "scale": {"min": 1, "max": 5}}
                  ]
                }
                """;

        private static SurveyJsonException failure(String json) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> JSON.readSurvey(json));
            assertThat(thrown).isInstanceOf(SurveyJsonException.class).isInstanceOf(FeedbackLoopException.class);
            return (SurveyJsonException) thrown;
        }

        @Test
        void validDocument_reads() {
            assertThat(JSON.readSurvey(VALID).questions()).hasSize(2);
        }

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of(VALID.replace("\"max\": 5", "\"max\": 12"),
                            "questions[1].scale.max: 12 is outside 2..11 (line 8, column 33)"),
                    Arguments.of(VALID.replace("\"kind\": \"csat\"", "\"kind\": \"nps\""),
                            "questions[1].kind: 'nps' is not a rating kind; expected one of [ces, csat, generic] "
                                    + "(line 7, column 66)"),
                    Arguments.of(VALID.replace("\"required\": true}", "\"required\": true, \"colour\": 1}"),
                            "questions[0].colour: unknown field; expected one of [condition, helpText, id, prompt, "
                                    + "required, type] (line 6, column 86)"),
                    Arguments.of(VALID.replace("\"version\": 1", "\"version\": \"1\""),
                            "version: expected an integer, got a string (line 3, column 14)"),
                    Arguments.of(VALID.replace("\"version\": 1", "\"version\": 1.5"),
                            "version: expected an integer, got the number 1.5 (line 3, column 14)"),
                    Arguments.of(VALID.replace("\"version\": 1", "\"version\": 99999999999"),
                            "version: 99999999999 is outside -2147483648..2147483647 (line 3, column 14)"),
                    Arguments.of(VALID.replace("\"title\": \"S\",", ""),
                            "title: is missing; expected a text (line 1, column 1)"),
                    Arguments.of(VALID.replace("\"title\": \"S\"", "\"title\": null"),
                            "title: expected a text, got null (line 4, column 12)"),
                    Arguments.of(VALID.replace("\"title\": \"S\"", "\"title\": \"  \""),
                            "title: text must not be blank (line 4, column 12)"),
                    Arguments.of(VALID.replace("\"id\": \"s\"", "\"id\": \"s\", \"id\": \"t\""),
                            "id: malformed JSON: Duplicate field 'id' (line 2, column 18)"),
                    Arguments.of(VALID + "x", "document: malformed JSON: Unrecognized token 'x': was expecting "
                            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false') "
                            + "(line 11, column 1)"),
                    Arguments.of(VALID + "{}", "document: unexpected content after the end of the document "
                            + "(line 11, column 1)"),
                    Arguments.of("", "document: the document is empty; expected a JSON object (line 1, column 1)"),
                    Arguments.of("[]", "document: expected an object, got an array (line 1, column 1)"),
                    Arguments.of(VALID.replace("\"type\": \"nps\"", "\"type\": \"net\""),
                            "questions[0].type: 'net' is not a question type; expected one of [choice, nps, rating, "
                                    + "text, yesNo] (line 6, column 14)"),
                    Arguments.of(VALID.replace("\"id\": \"nps\"", "\"id\": \"n p s\""),
                            "questions[0].id: 'n p s' does not match [A-Za-z0-9][A-Za-z0-9_.-]{0,63} "
                                    + "(line 6, column 27)"),
                    Arguments.of(VALID.replace("\"id\": \"csat\"", "\"id\": \"nps\""),
                            "questions[1].id: 'nps' is already the id of questions[0] (line 7, column 30)"),
                    Arguments.of(VALID.replace("\"required\": true}", "\"required\": true, \"condition\": "
                            + "{\"type\": \"answered\", \"question\": \"csat\"}}"),
                            "questions[0].condition.question: 'csat' is a later question (questions[1]); a condition "
                                    + "may only refer to an earlier question (line 6, column 122)"));
        }

        @ParameterizedTest
        @MethodSource("cases")
        void badDocument_failsWithPathMessageAndLocation(String json, String message) {
            assertThat(failure(json)).hasMessage(message).hasNoSuppressedExceptions();
        }

        @Test
        void definitionFailure_carriesTheViolations() {
            SurveyJsonException e = failure(VALID.replace("\"id\": \"csat\"", "\"id\": \"nps\""));

            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("questions[1].id"));
            assertThat(e.path()).isEqualTo("questions[1].id");
            assertThat(e.line()).isEqualTo(7);
        }

        @Test
        void tooDeep_failsWithOurException() {
            String deep = "{\"id\": \"s\", \"version\": 1, \"title\": \"S\", \"questions\": " + "[".repeat(100)
                    + "]".repeat(100) + "}";

            assertThat(failure(deep).getMessage()).contains("nesting depth").contains("line 1");
        }

        @Test
        void tooLongString_failsWithOurException() {
            SurveyJson strict = SurveyJson.withLimits(new JsonLimits(10_000, 16, 100, 10));
            String json = VALID.replace("\"title\": \"S\"", "\"title\": \"" + "x".repeat(101) + "\"");

            assertThatThrownBy(() -> strict.readSurvey(json)).isInstanceOf(SurveyJsonException.class)
                    .hasMessageContaining("title: malformed JSON: String value length (101) exceeds the maximum "
                            + "allowed (100");
        }

        @Test
        void tooLongDocument_failsBeforeParsing() {
            SurveyJson strict = SurveyJson.withLimits(new JsonLimits(100, 16, 100, 10));

            assertThatThrownBy(() -> strict.readSurvey(new StringReader(VALID))).isInstanceOf(SurveyJsonException.class)
                    .hasMessage("document: the document is longer than 100 characters");
            assertThatThrownBy(() -> strict.readSurvey(new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(SurveyJsonException.class).hasMessage("document: the document is longer than 100 bytes");
            assertThatThrownBy(() -> strict.readSurvey(VALID)).isInstanceOf(SurveyJsonException.class)
                    .hasMessageContaining("Document length (255) exceeds the maximum allowed (100");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"yesterday\",\"channel\":\"web\"}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\"}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":0,\"submittedAt\":\"2024-01-01T00:00:00Z\",\"channel\":\"w\"}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\",\"channel\":\"w\","
                    + "\"answers\":{\"q\":{\"type\":\"choice\",\"optionIds\":[\"a\",\"a\"]}}}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\",\"channel\":\"w\","
                    + "\"answers\":{\"q\":{\"type\":\"rating\",\"value\":true}}}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\",\"channel\":\"w\","
                    + "\"answers\":{\"q\":{\"type\":\"smiley\"}}}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\",\"channel\":\"w\","
                    + "\"respondent\":{\"customerId\":\" \"}}"
        })
        void badResponse_failsWithOurException(String json) {
            assertThatThrownBy(() -> JSON.readResponse(json)).isInstanceOf(SurveyJsonException.class)
                    .hasMessageMatching("(?s)[a-zA-Z.\\[\\]0-9]+: .+ \\(line 1, column \\d+\\)");
        }

        @Test
        void responseFailure_namesTheAnswerPath() {
            String json = "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\","
                    + "\"channel\":\"w\",\"answers\":{\"nps\":{\"type\":\"rating\",\"value\":\"9\"}}}";

            assertThatThrownBy(() -> JSON.readResponse(json)).isInstanceOf(SurveyJsonException.class)
                    .hasMessage("answers.nps.value: expected an integer, got a string (line 1, column 137)");
        }
    }
}
