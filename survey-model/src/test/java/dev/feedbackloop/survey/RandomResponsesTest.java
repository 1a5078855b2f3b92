package dev.feedbackloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.survey.condition.Condition;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.ViolationCode;
import dev.feedbackloop.testing.Seeds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated surveys and valid responses (all accepted, also after a JSON round trip), and mutations of them (each
 * rejected with the expected code). The seed is printed; rerun with {@code -Dfeedbackloop.seed=N}.
 */
@ExtendWith(Seeds.class)
final class RandomResponsesTest {

    private static final ResponseValidator VALIDATOR = ResponseValidator.standard();
    private static final int SURVEYS = 200;

    private Random random;

    @BeforeEach
    void seed(Random seeded) {
        random = seeded;
    }

    @Test
    void generatedResponses_areAcceptedAndMutationsRejectedWithTheirCode() {
        var mutationsApplied = new EnumMap<ViolationCode, Integer>(ViolationCode.class);
        for (int s = 0; s < SURVEYS; s++) {
            Survey survey = survey(s);
            assertThat(SurveyJson.standard().readSurvey(SurveyJson.standard().write(survey))).isEqualTo(survey);
            for (int r = 0; r < 5; r++) {
                Map<String, Answer> answers = validAnswers(survey);
                Response response = response(survey, answers);
                String label = "survey " + s + ", response " + r + ": " + response;

                assertThat(VALIDATOR.validate(survey, response).violations()).as(label).isEmpty();
                Response reread = SurveyJson.standard().readResponse(SurveyJson.standard().write(response));
                assertThat(reread).as(label).isEqualTo(response);

                Mutation mutation = mutate(survey, answers);
                if (mutation != null) {
                    ValidationResult result = VALIDATOR.validate(survey, response(survey, mutation.answers));
                    assertThat(result.has(mutation.expected)).as(label + " mutated to " + mutation.expected
                            + ", got " + result).isTrue();
                    mutationsApplied.merge(mutation.expected, 1, Integer::sum);
                }
            }
        }
        assertThat(mutationsApplied.keySet()).contains(ViolationCode.OUT_OF_SCALE, ViolationCode.WRONG_ANSWER_TYPE,
                ViolationCode.UNKNOWN_QUESTION, ViolationCode.REQUIRED_MISSING, ViolationCode.HIDDEN_ANSWERED,
                ViolationCode.UNKNOWN_OPTION, ViolationCode.TOO_MANY_SELECTIONS, ViolationCode.TEXT_TOO_LONG,
                ViolationCode.OTHER_NOT_ALLOWED, ViolationCode.BLANK_TEXT);
    }

    private Survey survey(int index) {
        while (true) {
            var questions = new ArrayList<Question>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                questions.add(question("q" + i, questions));
            }
            if (Survey.check(questions).isValid()) {
                return Survey.builder("gen-" + index, 1 + random.nextInt(5)).title("Generated " + index)
                        .questions(questions).build();
            }
        }
    }

    private Question question(String id, List<Question> earlier) {
        LocalizedText prompt = LocalizedText.of("Prompt of " + id);
        boolean required = random.nextInt(3) == 0;
        Condition condition = earlier.isEmpty() || random.nextInt(3) == 0 ? null : condition(earlier, 2);
        switch (random.nextInt(5)) {
            case 0:
                return new NpsQuestion(id, prompt, required, null, condition);
            case 1:
                int min = random.nextInt(2);
                RatingKind kind = RatingKind.values()[random.nextInt(3)];
                int points = Math.max(kind == RatingKind.CES ? 4 : 3, 2 + random.nextInt(10));
                return new RatingQuestion(id, prompt, required, null, condition, kind, Scale.of(min, min + points - 1),
                        random.nextBoolean() ? Polarity.HIGHER_IS_BETTER : Polarity.LOWER_IS_BETTER);
            case 2:
                var options = new ArrayList<ChoiceOption>();
                int optionCount = 1 + random.nextInt(5);
                for (int o = 0; o < optionCount; o++) {
                    options.add(ChoiceOption.of("o" + o, "Option " + o));
                }
                boolean multiple = random.nextBoolean();
                boolean other = random.nextBoolean();
                int choices = optionCount + (other ? 1 : 0);
                int most = multiple ? 1 + random.nextInt(choices) : 1;
                int least = multiple ? 1 + random.nextInt(most) : 1;
                return new ChoiceQuestion(id, prompt, required, null, condition, multiple, options, other, least, most);
            case 3:
                return new TextQuestion(id, prompt, required, null, condition, 1 + random.nextInt(50));
            default:
                return new YesNoQuestion(id, prompt, required, null, condition);
        }
    }

    private Condition condition(List<Question> earlier, int depth) {
        if (depth > 0 && random.nextInt(4) == 0) {
            return switch (random.nextInt(3)) {
                case 0 -> Condition.all(condition(earlier, depth - 1), condition(earlier, depth - 1));
                case 1 -> Condition.any(condition(earlier, depth - 1), condition(earlier, depth - 1));
                default -> Condition.not(condition(earlier, depth - 1));
            };
        }
        Question target = earlier.get(random.nextInt(earlier.size()));
        String id = target.id();
        if (random.nextInt(4) == 0) {
            return random.nextBoolean() ? Condition.answered(id) : Condition.notAnswered(id);
        }
        if (target instanceof NpsQuestion || target instanceof RatingQuestion) {
            Scale scale = target instanceof RatingQuestion rating ? rating.scale() : Scale.of(0, 10);
            int value = scale.min() + random.nextInt(scale.points());
            return switch (random.nextInt(3)) {
                case 0 -> Condition.atLeast(id, value);
                case 1 -> Condition.atMost(id, value);
                default -> Condition.equalTo(id, Integer.toString(value));
            };
        } else if (target instanceof ChoiceQuestion choice) {
            return Condition.in(id, choice.options().get(random.nextInt(choice.options().size())).id());
        } else if (target instanceof YesNoQuestion) {
            return Condition.equalTo(id, random.nextBoolean() ? "yes" : "no");
        }
        return Condition.answered(id);
    }

    private Map<String, Answer> validAnswers(Survey survey) {
        var answers = new LinkedHashMap<String, Answer>();
        for (Question question : survey.questions()) {
            boolean visible = question.isShown(answers);
            if (visible && (question.required() || random.nextInt(10) < 7)) {
                answers.put(question.id(), validAnswer(question));
            }
        }
        return answers;
    }

    private Answer validAnswer(Question question) {
        if (question instanceof NpsQuestion) {
            return Answer.rating(random.nextInt(11));
        } else if (question instanceof RatingQuestion rating) {
            return Answer.rating(rating.scale().min() + random.nextInt(rating.scale().points()));
        } else if (question instanceof ChoiceQuestion choice) {
            int selections = choice.minSelections()
                    + random.nextInt(choice.maxSelections() - choice.minSelections() + 1);
            boolean other = choice.allowOther() && (selections > choice.options().size() || random.nextBoolean());
            var ids = new ArrayList<String>();
            choice.options().forEach(option -> ids.add(option.id()));
            java.util.Collections.shuffle(ids, random);
            int fromOptions = Math.min(ids.size(), selections - (other ? 1 : 0));
            return new Answer.Choice(ids.subList(0, fromOptions), other ? "Something else" : null);
        } else if (question instanceof TextQuestion text) {
            return Answer.text("é".repeat(1 + random.nextInt(text.maxLength())));
        } else if (question instanceof YesNoQuestion) {
            return Answer.yesNo(random.nextBoolean());
        }
        throw new AssertionError(question);
    }

    private record Mutation(Map<String, Answer> answers, ViolationCode expected) {
    }

    private Mutation mutate(Survey survey, Map<String, Answer> valid) {
        var candidates = new ArrayList<Mutation>();
        candidates.add(with(valid, "unknown-" + random.nextInt(100), Answer.rating(1),
                ViolationCode.UNKNOWN_QUESTION));
        var visible = new HashMap<String, Answer>();
        for (Question question : survey.questions()) {
            boolean shown = question.isShown(visible);
            Answer answer = valid.get(question.id());
            String id = question.id();
            if (!shown) {
                candidates.add(with(valid, id, validAnswer(question), ViolationCode.HIDDEN_ANSWERED));
            } else if (answer == null) {
                continue;
            } else {
                visible.put(id, answer);
                if (question.required()) {
                    var without = new LinkedHashMap<>(valid);
                    without.remove(id);
                    candidates.add(new Mutation(without, ViolationCode.REQUIRED_MISSING));
                }
                if (question instanceof NpsQuestion || question instanceof RatingQuestion) {
                    Scale scale = question instanceof RatingQuestion rating ? rating.scale() : Scale.of(0, 10);
                    candidates.add(with(valid, id, Answer.rating(random.nextBoolean() ? scale.max() + 1
                            : scale.min() - 1), ViolationCode.OUT_OF_SCALE));
                    candidates.add(with(valid, id, Answer.text("5"), ViolationCode.WRONG_ANSWER_TYPE));
                } else if (question instanceof ChoiceQuestion choice) {
                    candidates.add(with(valid, id, Answer.choice("nope"), ViolationCode.UNKNOWN_OPTION));
                    candidates.add(with(valid, id, Answer.yesNo(true), ViolationCode.WRONG_ANSWER_TYPE));
                    if (!choice.allowOther()) {
                        candidates.add(with(valid, id, new Answer.Choice(List.of(), "other"),
                                ViolationCode.OTHER_NOT_ALLOWED));
                    }
                    if (choice.maxSelections() < choice.options().size()) {
                        candidates.add(with(valid, id, new Answer.Choice(choice.options().stream()
                                .map(ChoiceOption::id).toList(), null), ViolationCode.TOO_MANY_SELECTIONS));
                    }
                } else if (question instanceof TextQuestion text) {
                    candidates.add(with(valid, id, Answer.text("x".repeat(text.maxLength() + 1)),
                            ViolationCode.TEXT_TOO_LONG));
                    candidates.add(with(valid, id, Answer.text(" \t"), ViolationCode.BLANK_TEXT));
                } else {
                    candidates.add(with(valid, id, Answer.rating(1), ViolationCode.WRONG_ANSWER_TYPE));
                }
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static Mutation with(Map<String, Answer> valid, String questionId, Answer answer, ViolationCode code) {
        var changed = new LinkedHashMap<>(valid);
        changed.put(questionId, answer);
        return new Mutation(changed, code);
    }

    private static Response response(Survey survey, Map<String, Answer> answers) {
        var builder = Response.builder("r", survey, TestSurveys.SUBMITTED);
        answers.forEach(builder::answer);
        return builder.build();
    }
}
