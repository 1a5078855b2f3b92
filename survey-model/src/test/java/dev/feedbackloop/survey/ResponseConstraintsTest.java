package dev.feedbackloop.survey;

import static dev.feedbackloop.survey.TestSurveys.promoter;
import static dev.feedbackloop.survey.TestSurveys.support;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The constraints checked in plain code by {@link ResponseValidator#standard()} report exactly what Hibernate
 * Validator reports through {@link ResponseValidator#withBeanValidation()}. Seeded; rerun with
 * {@code -Dfeedbackloop.seed=N}.
 */
@ExtendWith(Seeds.class)
final class ResponseConstraintsTest {

    private static final Survey SURVEY = support();

    static Stream<Arguments> eachConstraint() {
        return Stream.of(
                Arguments.of(Response.builder("r".repeat(129), SURVEY, TestSurveys.SUBMITTED)
                                .answer("nps", Answer.rating(9)).answer("csat", Answer.rating(5)),
                        "id: size must be between 0 and 128 (Size)"),
                Arguments.of(promoter().channel("c".repeat(65)), "channel: size must be between 0 and 64 (Size)"),
                Arguments.of(promoter().respondent(Respondent.of("c".repeat(129), Map.of())),
                        "respondent.customerId: size must be between 0 and 128 (Size)"),
                Arguments.of(promoter().respondent(Respondent.of("c", attributes(33, "k", "v"))),
                        "respondent.attributes: size must be between 0 and 32 (Size)"),
                Arguments.of(promoter().respondent(Respondent.of("c", Map.of("", "v"))),
                        "respondent.attributes[].name: size must be between 1 and 64 (Size)"),
                Arguments.of(promoter().respondent(Respondent.of("c", Map.of("n".repeat(65), "v"))),
                        "respondent.attributes[" + "n".repeat(65) + "].name: size must be between 1 and 64 (Size)"),
                Arguments.of(promoter().respondent(Respondent.of("c", Map.of("plan", "v".repeat(257)))),
                        "respondent.attributes[plan]: size must be between 0 and 256 (Size)"));
    }

    @ParameterizedTest
    @MethodSource("eachConstraint")
    void eachConstraint_isReportedInPlainCodeAsByHibernateValidator(Response.Builder builder, String message) {
        Response response = builder.build();

        ValidationResult plain = ResponseValidator.standard().validate(SURVEY, response);

        assertThat(plain.violations()).extracting(Violation::message).containsExactly(message);
        assertThat(plain.violations()).extracting(Violation::code).containsOnly(ViolationCode.CONSTRAINT.code());
        assertThat(plain).isEqualTo(ResponseValidator.withBeanValidation().validate(SURVEY, response));
    }

    @Test
    void tooManyAnswersAndShownQuestions_areReportedAsByHibernateValidator() {
        var builder = promoter();
        var shown = new ArrayList<String>();
        for (int i = 0; i <= Response.MAX_ANSWERS; i++) {
            builder.answer("extra" + i, Answer.rating(1));
            shown.add("nps");
        }
        Response response = builder.shownOrder(shown).build();

        ValidationResult plain = ResponseValidator.standard().validate(SURVEY, response);

        assertThat(plain.violations()).filteredOn(violation -> violation.is(ViolationCode.CONSTRAINT))
                .extracting(Violation::message).containsExactly(
                        "answers: size must be between 0 and 1000 (Size)",
                        "shownOrder: size must be between 0 and 1000 (Size)");
        assertThat(plain).isEqualTo(ResponseValidator.withBeanValidation().validate(SURVEY, response));
    }

    @Test
    void surveyRulesOnly_leavesTheConstraintsOut() {
        Response response = promoter().channel("c".repeat(65)).build();

        assertThat(ResponseValidator.surveyRulesOnly().validate(SURVEY, response).isValid()).isTrue();
    }

    @Test
    void randomResponses_getTheSameViolationsBothWays(Seed seed) {
        var random = seed.random();
        int withConstraintViolations = 0;
        int withSeveral = 0;
        for (int i = 0; i < 400; i++) {
            Response response = randomResponse(random);

            ValidationResult plain = ResponseValidator.standard().validate(SURVEY, response);
            ValidationResult bean = ResponseValidator.withBeanValidation().validate(SURVEY, response);

            assertThat(plain).as("seed %d, response %d", seed.value(), i).isEqualTo(bean);
            long constraints = plain.violations().stream().filter(v -> v.is(ViolationCode.CONSTRAINT)).count();
            withConstraintViolations += constraints > 0 ? 1 : 0;
            withSeveral += constraints > 1 ? 1 : 0;
        }
        assertThat(withConstraintViolations).isGreaterThan(100);
        assertThat(withSeveral).isGreaterThan(20);
    }

    private static Response randomResponse(Random random) {
        String surveyId = switch (random.nextInt(8)) {
            case 0 -> "other";
            case 1 -> "s".repeat(129);
            default -> SURVEY.id();
        };
        int version = random.nextInt(8) == 0 ? SURVEY.version() + 1 : SURVEY.version();
        var builder = Response.builder(text(random, 'r', 1, 127, 128, 129, 200), surveyId, version,
                TestSurveys.SUBMITTED).channel(text(random, 'c', 1, 63, 64, 65));
        String customerId = random.nextInt(4) == 0 ? null : text(random, 'u', 1, 128, 129);
        var attributes = new LinkedHashMap<String, String>();
        int count = random.nextInt(5) == 0 ? 30 + random.nextInt(5) : random.nextInt(4);
        for (int a = 0; a < count; a++) {
            String name = random.nextInt(6) == 0 ? "" : a + text(random, 'n', 0, 62, 63, 64, 70);
            attributes.put(name, random.nextInt(5) == 0 ? text(random, 'v', 255, 256, 257) : "v" + a);
        }
        builder.respondent(new Respondent(customerId, attributes));
        builder.answer("nps", Answer.rating(9)).answer("csat", Answer.rating(5));
        if (random.nextInt(10) == 0) {
            for (int q = 0; q < Response.MAX_ANSWERS + random.nextInt(2) - 2; q++) {
                builder.answer("q" + q, Answer.yesNo(true));
            }
        }
        if (random.nextInt(10) == 0) {
            builder.shownOrder(new ArrayList<>(List.of("nps", "csat", "nps")));
        }
        return builder.build();
    }

    /** Text of one of the lengths, of a letter or, at random, with a surrogate pair (two chars) at the end. */
    private static String text(Random random, char letter, int... lengths) {
        int length = lengths[random.nextInt(lengths.length)];
        if (length >= 2 && random.nextBoolean()) {
            return String.valueOf(letter).repeat(length - 2) + "\uD83D\uDE00";
        }
        return String.valueOf(letter).repeat(length);
    }

    private static Map<String, String> attributes(int count, String name, String value) {
        var attributes = new LinkedHashMap<String, String>();
        for (int i = 0; i < count; i++) {
            attributes.put(name + i, value);
        }
        return attributes;
    }
}
