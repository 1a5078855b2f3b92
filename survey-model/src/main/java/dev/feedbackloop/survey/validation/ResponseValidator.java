package dev.feedbackloop.survey.validation;

import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.ChoiceOption;
import dev.feedbackloop.survey.ChoiceQuestion;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Question;
import dev.feedbackloop.survey.RatingQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Scale;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.survey.YesNoQuestion;
import dev.feedbackloop.survey.condition.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Checks a {@link Response} against the exact {@link Survey} version it names and reports every violation at once.
 * Immutable and thread-safe: build one and share it.
 *
 * <p>The rules, each with its {@link ViolationCode}:
 * <ul>
 *   <li>the response names the survey's id ({@link ViolationCode#WRONG_SURVEY}) and version
 *       ({@link ViolationCode#WRONG_VERSION}); when it does not, the answers are not checked further, since they
 *       were given to another definition;</li>
 *   <li>with {@link #standard()}, the Bean Validation constraints on {@link Response} and
 *       {@link dev.feedbackloop.survey.Respondent} ({@link ViolationCode#CONSTRAINT});</li>
 *   <li>the shown order names known questions, each once ({@link ViolationCode#INVALID_SHOWN_ORDER});</li>
 *   <li>every answer is to a question of the survey ({@link ViolationCode#UNKNOWN_QUESTION}), of the type the
 *       question takes ({@link ViolationCode#WRONG_ANSWER_TYPE}): a rating on the scale
 *       ({@link ViolationCode#OUT_OF_SCALE}); known options ({@link ViolationCode#UNKNOWN_OPTION}), as many as the
 *       question allows ({@link ViolationCode#TOO_FEW_SELECTIONS}, {@link ViolationCode#TOO_MANY_SELECTIONS}),
 *       "other" text only where allowed ({@link ViolationCode#OTHER_NOT_ALLOWED}); text that is not blank
 *       ({@link ViolationCode#BLANK_TEXT}) and not longer than allowed, in code points
 *       ({@link ViolationCode#TEXT_TOO_LONG}; "other" text is limited to
 *       {@value TextQuestion#DEFAULT_MAX_LENGTH});</li>
 *   <li>visibility: questions are taken in survey order, a question being visible when it has no condition or its
 *       condition holds for the answers to the visible questions before it. A visible required question must be
 *       answered ({@link ViolationCode#REQUIRED_MISSING}); a hidden one must not be
 *       ({@link ViolationCode#HIDDEN_ANSWERED}).</li>
 * </ul>
 * Paths are {@code surveyId}, {@code surveyVersion}, {@code shownOrder[i]}, {@code answers.<questionId>} and the
 * component paths of Bean Validation ({@code respondent.attributes[plan]}). Violations come in that order, answers
 * in question order.
 */
public final class ResponseValidator {

    private static final ResponseValidator STANDARD = new ResponseValidator(true);
    private static final ResponseValidator SURVEY_RULES_ONLY = new ResponseValidator(false);

    private final boolean beanValidation;

    private ResponseValidator(boolean beanValidation) {
        this.beanValidation = beanValidation;
    }

    /**
     * Returns the validator that checks the survey rules and the Bean Validation constraints.
     *
     * @return the shared validator
     */
    public static ResponseValidator standard() {
        return STANDARD;
    }

    /**
     * Returns a validator that checks only the survey rules, leaving out Bean Validation; for callers that have
     * already checked sizes (for example while reading JSON with limits) and want the cheapest check.
     *
     * @return the shared validator
     */
    public static ResponseValidator surveyRulesOnly() {
        return SURVEY_RULES_ONLY;
    }

    /**
     * Validates a response against a survey version.
     *
     * @param survey the survey version the response claims to answer
     * @param response the response
     * @return every violation found; valid if the response may be accepted
     */
    public ValidationResult validate(Survey survey, Response response) {
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(response, "response");
        var violations = new ArrayList<Violation>();
        if (!response.surveyId().equals(survey.id())) {
            violations.add(Violation.of("surveyId", ViolationCode.WRONG_SURVEY,
                    "'" + response.surveyId() + "' is not the survey validated against, '" + survey.id() + "'"));
        } else if (response.surveyVersion() != survey.version()) {
            violations.add(Violation.of("surveyVersion", ViolationCode.WRONG_VERSION,
                    response.surveyVersion() + " is not the version validated against, " + survey.version()));
        }
        if (beanValidation) {
            BeanValidation.validate(response, "", violations);
        }
        if (!violations.isEmpty() && (violations.get(0).is(ViolationCode.WRONG_SURVEY)
                || violations.get(0).is(ViolationCode.WRONG_VERSION))) {
            return ValidationResult.of(violations);
        }
        checkShownOrder(survey, response, violations);
        checkAnswers(survey, response, violations);
        return ValidationResult.of(violations);
    }

    private static void checkShownOrder(Survey survey, Response response, List<Violation> violations) {
        var seen = new HashSet<String>();
        for (int i = 0; i < response.shownOrder().size(); i++) {
            String questionId = response.shownOrder().get(i);
            if (survey.findQuestion(questionId).isEmpty()) {
                violations.add(Violation.of("shownOrder[" + i + "]", ViolationCode.INVALID_SHOWN_ORDER,
                        "'" + questionId + "' is not a question of survey " + survey.id() + " v" + survey.version()));
            } else if (!seen.add(questionId)) {
                violations.add(Violation.of("shownOrder[" + i + "]", ViolationCode.INVALID_SHOWN_ORDER,
                        "'" + questionId + "' is shown twice"));
            }
        }
    }

    private static void checkAnswers(Survey survey, Response response, List<Violation> violations) {
        Map<String, Answer> answers = response.answers();
        var known = new HashSet<String>();
        for (Question question : survey.questions()) {
            known.add(question.id());
        }
        for (String questionId : new TreeSet<>(answers.keySet())) {
            if (!known.contains(questionId)) {
                violations.add(Violation.of("answers." + questionId, ViolationCode.UNKNOWN_QUESTION,
                        "'" + questionId + "' is not a question of survey " + survey.id() + " v" + survey.version()));
            }
        }
        var visibleAnswers = new HashMap<String, Answer>();
        for (Question question : survey.questions()) {
            String path = "answers." + question.id();
            Answer answer = answers.get(question.id());
            Condition condition = question.condition();
            boolean visible = condition == null || condition.test(visibleAnswers);
            if (answer == null) {
                if (visible && question.required()) {
                    violations.add(Violation.of(path, ViolationCode.REQUIRED_MISSING,
                            "is required and was shown, but not answered"));
                }
            } else if (!visible) {
                violations.add(Violation.of(path, ViolationCode.HIDDEN_ANSWERED,
                        "was answered, but its condition hides it for this response"));
            } else {
                checkAnswer(question, answer, path, violations);
                visibleAnswers.put(question.id(), answer);
            }
        }
    }

    private static void checkAnswer(Question question, Answer answer, String path, List<Violation> violations) {
        if (question instanceof NpsQuestion) {
            checkRating(Scale.of(NpsQuestion.MIN, NpsQuestion.MAX), "an NPS", answer, path, violations);
        } else if (question instanceof RatingQuestion rating) {
            checkRating(rating.scale(), "a rating", answer, path, violations);
        } else if (question instanceof ChoiceQuestion choice) {
            if (answer instanceof Answer.Choice selection) {
                checkChoice(choice, selection, path, violations);
            } else {
                violations.add(wrongType(path, "a choice", answer));
            }
        } else if (question instanceof TextQuestion text) {
            if (answer instanceof Answer.Text written) {
                checkText(written.text(), text.maxLength(), path, violations);
            } else {
                violations.add(wrongType(path, "a text", answer));
            }
        } else if (question instanceof YesNoQuestion) {
            if (!(answer instanceof Answer.YesNo)) {
                violations.add(wrongType(path, "a yes/no", answer));
            }
        } else {
            throw new AssertionError("unhandled question type " + question.getClass());
        }
    }

    private static void checkRating(Scale scale, String kind, Answer answer, String path,
                                    List<Violation> violations) {
        if (answer instanceof Answer.Rating rating) {
            if (!scale.contains(rating.value())) {
                violations.add(Violation.of(path, ViolationCode.OUT_OF_SCALE,
                        rating.value() + " is outside " + scale.min() + ".." + scale.max()));
            }
        } else {
            violations.add(wrongType(path, kind, answer));
        }
    }

    private static void checkChoice(ChoiceQuestion question, Answer.Choice answer, String path,
                                    List<Violation> violations) {
        var optionIds = new HashSet<String>();
        for (ChoiceOption option : question.options()) {
            optionIds.add(option.id());
        }
        for (String optionId : answer.optionIds()) {
            if (!optionIds.contains(optionId)) {
                violations.add(Violation.of(path, ViolationCode.UNKNOWN_OPTION,
                        "'" + optionId + "' is not an option of question '" + question.id() + "'"));
            }
        }
        String other = answer.otherText();
        if (other != null) {
            if (!question.allowOther()) {
                violations.add(Violation.of(path, ViolationCode.OTHER_NOT_ALLOWED,
                        "has \"other\" text, but question '" + question.id() + "' does not allow it"));
            } else {
                checkText(other, TextQuestion.DEFAULT_MAX_LENGTH, path, violations);
            }
        }
        int selections = answer.optionIds().size() + (other != null ? 1 : 0);
        if (selections < question.minSelections()) {
            violations.add(Violation.of(path, ViolationCode.TOO_FEW_SELECTIONS, selections
                    + " selections are fewer than the " + question.minSelections() + " required"));
        } else if (selections > question.maxSelections()) {
            violations.add(Violation.of(path, ViolationCode.TOO_MANY_SELECTIONS, selections
                    + " selections are more than the " + question.maxSelections() + " allowed"));
        }
    }

    private static void checkText(String text, int maxLength, String path, List<Violation> violations) {
        if (text.isBlank()) {
            violations.add(Violation.of(path, ViolationCode.BLANK_TEXT, "text is blank; leave the question "
                    + "unanswered instead"));
            return;
        }
        // Cheap bound first: a string never has more code points than chars.
        if (text.length() > maxLength) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints > maxLength) {
                violations.add(Violation.of(path, ViolationCode.TEXT_TOO_LONG,
                        "text of " + codePoints + " code points is longer than the " + maxLength + " allowed"));
            }
        }
    }

    private static Violation wrongType(String path, String expected, Answer answer) {
        return Violation.of(path, ViolationCode.WRONG_ANSWER_TYPE,
                "expected " + expected + " answer, got " + answerType(answer) + " answer");
    }

    static String answerType(Answer answer) {
        if (answer instanceof Answer.Rating) {
            return "a rating";
        } else if (answer instanceof Answer.Choice) {
            return "a choice";
        } else if (answer instanceof Answer.Text) {
            return "a text";
        } else if (answer instanceof Answer.YesNo) {
            return "a yes/no";
        }
        throw new AssertionError("unhandled answer type " + answer.getClass());
    }
}
