package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.TestSurveys.detractor;
import static dev.feedbackloop.survey.TestSurveys.promoter;
import static dev.feedbackloop.survey.TestSurveys.support;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that a database cannot store as given: NUL (PostgreSQL refuses it) and unpaired UTF-16 surrogates (H2 and
 * PostgreSQL turn them into {@code ?}). Every validator refuses them in every text of a response, naming the path,
 * so that what is stored is exactly what was acknowledged, on every store.
 */
final class TextCharactersTest {

    static Stream<Arguments> badTexts() {
        var cases = Stream.<Arguments>builder();
        for (String bad : List.of("\u0000", "\uD83D", "\uDE00", "\uDE00\uD83D")) {
            cases.add(Arguments.of("id", promoter().build().id() + bad, "id"));
            cases.add(Arguments.of("channel", "email" + bad, "channel"));
            cases.add(Arguments.of("customerId", "c-42" + bad, "respondent.customerId"));
            cases.add(Arguments.of("attribute value", "pro" + bad, "respondent.attributes[plan]"));
            cases.add(Arguments.of("attribute name", "pl" + bad, "respondent.attributes[pl"
                    + escaped(bad) + "].name"));
            cases.add(Arguments.of("text answer", "Faster " + bad, "answers.comment"));
            cases.add(Arguments.of("other text", "Slow " + bad + " app", "answers.reason"));
        }
        return cases.build();
    }

    private static String escaped(String bad) {
        var text = new StringBuilder();
        bad.chars().forEach(c -> text.append(String.format("\\u%04X", c)));
        return text.toString();
    }

    private static Response responseWith(String where, String value) {
        Response.Builder builder = detractor();
        Response base = builder.build();
        return switch (where) {
            case "id" -> new Response(value, base.surveyId(), base.surveyVersion(), base.respondent(),
                    base.submittedAt(), base.channel(), base.answers(), base.shownOrder());
            case "channel" -> builder.channel(value).build();
            case "customerId" -> builder.respondent(Respondent.of(value, Map.of("plan", "pro"))).build();
            case "attribute value" -> builder.respondent(Respondent.of("c-7", Map.of("plan", value))).build();
            case "attribute name" -> builder.respondent(Respondent.of("c-7", Map.of(value, "pro"))).build();
            case "text answer" -> builder.answer("comment", Answer.text(value)).build();
            case "other text" -> builder.answer("reason", new Answer.Choice(List.of("bugs"), value)).build();
            default -> throw new AssertionError(where);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTexts")
    void nulOrUnpairedSurrogate_isRefusedByEveryValidatorNamingThePath(String where, String value, String path) {
        Response response = responseWith(where, value);

        for (ResponseValidator validator : List.of(ResponseValidator.standard(), ResponseValidator.surveyRulesOnly(),
                ResponseValidator.withBeanValidation())) {
            ValidationResult result = validator.validate(support(), response);

            assertThat(result.violations()).as("%s with %s", where, escaped(value.substring(value.length() - 1)))
                    .singleElement().satisfies(violation -> {
                        assertThat(violation.path()).isEqualTo(path);
                        assertThat(violation.code()).isEqualTo(ViolationCode.INVALID_CHARACTER.code());
                        assertThat(violation.message()).doesNotContain(value).doesNotContain("\u0000");
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTexts")
    void theSameTextWithoutTheBadCharacters_isValid(String where, String value, String path) {
        String clean = value.replaceAll("[\\u0000\\uD800-\\uDFFF]", "");

        assertThat(ResponseValidator.standard().validate(support(), responseWith(where, clean)).violations())
                .isEmpty();
    }
}
