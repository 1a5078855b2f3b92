package dev.feedbackloop.survey;

import java.util.TreeMap;
import dev.feedbackloop.survey.CompiledSurvey.Item;
import dev.feedbackloop.survey.CompiledSurvey.VisibleAnswers;
import dev.feedbackloop.survey.validation.StorableText;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link Response} against the exact {@link Survey} version it names and reports every violation at once.
 * Immutable and thread-safe: build one and share it.
 *
 * <p>The rules, each with its {@link ViolationCode}:
 * <ul>
 *   <li>the response names the survey's id ({@link ViolationCode#WRONG_SURVEY}) and version
 *       ({@link ViolationCode#WRONG_VERSION}); when it does not, the answers are not checked further, since they
 *       were given to another definition;</li>
 *   <li>with {@link #standard()} and {@link #withBeanValidation()}, the Bean Validation constraints on
 *       {@link Response} and {@link dev.feedbackloop.survey.Respondent} ({@link ViolationCode#CONSTRAINT}): the
 *       sizes of ids, channel, answers, shown order and attributes;</li>
 *   <li>with every validator, the id, channel, customer id and attribute names and values hold no NUL and no
 *       unpaired UTF-16 surrogate ({@link ViolationCode#INVALID_CHARACTER}), so that what a store keeps is exactly
 *       what was validated;</li>
 *   <li>the shown order names known questions, each once ({@link ViolationCode#INVALID_SHOWN_ORDER});</li>
 *   <li>every answer is to a question of the survey ({@link ViolationCode#UNKNOWN_QUESTION}), of the type the
 *       question takes ({@link ViolationCode#WRONG_ANSWER_TYPE}): a rating on the scale
 *       ({@link ViolationCode#OUT_OF_SCALE}); known options ({@link ViolationCode#UNKNOWN_OPTION}), as many as the
 *       question allows ({@link ViolationCode#TOO_FEW_SELECTIONS}, {@link ViolationCode#TOO_MANY_SELECTIONS}),
 *       "other" text only where allowed ({@link ViolationCode#OTHER_NOT_ALLOWED}); text that is not blank
 *       ({@link ViolationCode#BLANK_TEXT}) and not longer than allowed, in code points
 *       ({@link ViolationCode#TEXT_TOO_LONG}; "other" text is limited to
 *       {@value TextQuestion#DEFAULT_MAX_LENGTH}); text that a database stores as given, without NUL or unpaired
 *       UTF-16 surrogates ({@link ViolationCode#INVALID_CHARACTER});</li>
 *   <li>visibility: questions are taken in survey order, a question being visible when it has no condition or its
 *       condition holds for the answers to the visible questions before it. A visible required question must be
 *       answered ({@link ViolationCode#REQUIRED_MISSING}); a hidden one must not be
 *       ({@link ViolationCode#HIDDEN_ANSWERED}).</li>
 * </ul>
 * Paths are {@code surveyId}, {@code surveyVersion}, {@code shownOrder[i]}, {@code answers.<questionId>} and the
 * component paths of Bean Validation ({@code respondent.attributes[plan]}; an attribute name holding NUL or an
 * unpaired surrogate appears there as a Java unicode escape). Violations come in that order, answers in question
 * order.
 *
 * <p>Design note: validating one response must cost less than reading it from JSON. {@link #standard()} checks the
 * constraints in plain code, with the same paths and messages as Hibernate Validator (which
 * {@link #withBeanValidation()} still runs, for hosts that want the annotations to be the only source of truth);
 * the lookups a survey needs (questions by id, option ids, paths) are computed once per {@link Survey} instance and
 * cached, so a response is checked without building any map. Keep survey instances (register them once) to get
 * the benefit; a new instance is compiled on first use.
 */
public final class ResponseValidator {

    /** Which constraints are checked besides the survey rules, and how. */
    private enum Constraints {
        NONE {
            @Override
            void check(Response response, List<Violation> violations) {
                // Survey rules only.
            }
        },
        PLAIN_CODE {
            @Override
            void check(Response response, List<Violation> violations) {
                ResponseConstraints.check(response, violations);
            }
        },
        BEAN_VALIDATION {
            @Override
            void check(Response response, List<Violation> violations) {
                BeanValidation.validate(response, "", violations);
            }
        };

        /** Adds the violations of the constraints, sorted by path then message. */
        abstract void check(Response response, List<Violation> violations);
    }

    private static final ResponseValidator STANDARD = new ResponseValidator(Constraints.PLAIN_CODE);
    private static final ResponseValidator SURVEY_RULES_ONLY = new ResponseValidator(Constraints.NONE);
    private static final ResponseValidator BEAN_VALIDATION = new ResponseValidator(Constraints.BEAN_VALIDATION);

    private final Constraints constraints;

    private ResponseValidator(Constraints constraints) {
        this.constraints = constraints;
    }

    /**
     * Returns the validator that checks the survey rules and the Bean Validation constraints, the latter in plain
     * code with the violations Hibernate Validator would report; the cheap choice for every response.
     *
     * @return the shared validator
     */
    public static ResponseValidator standard() {
        return STANDARD;
    }

    /**
     * Returns a validator that checks only the survey rules, leaving out the constraints; for callers that have
     * already checked sizes (for example while reading JSON with limits) and want the cheapest check.
     *
     * @return the shared validator
     */
    public static ResponseValidator surveyRulesOnly() {
        return SURVEY_RULES_ONLY;
    }

    /**
     * Returns a validator that checks the survey rules and runs Hibernate Validator over the constraint
     * annotations of {@link Response} and {@link dev.feedbackloop.survey.Respondent}. It reports the same violations
     * as {@link #standard()} at several times the cost; Hibernate Validator is bootstrapped on first use.
     *
     * @return the shared validator
     */
    public static ResponseValidator withBeanValidation() {
        return BEAN_VALIDATION;
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
        boolean otherSurvey = true;
        if (!response.surveyId().equals(survey.id())) {
            violations.add(Violation.of("surveyId", ViolationCode.WRONG_SURVEY,
                    "'" + response.surveyId() + "' is not the survey validated against, '" + survey.id() + "'"));
        } else if (response.surveyVersion() != survey.version()) {
            violations.add(Violation.of("surveyVersion", ViolationCode.WRONG_VERSION,
                    response.surveyVersion() + " is not the version validated against, " + survey.version()));
        } else {
            otherSurvey = false;
        }
        constraints.check(response, violations);
        checkCharacters(response, violations);
        if (otherSurvey) {
            return ValidationResult.of(violations);
        }
        CompiledSurvey compiled = CompiledSurvey.of(survey);
        checkShownOrder(compiled, response, violations);
        checkAnswers(compiled, response, violations);
        return ValidationResult.of(violations);
    }

    /** The texts of the response outside its answers: each must be {@linkplain StorableText storable}. */
    private static void checkCharacters(Response response, List<Violation> violations) {
        checkCharacters("id", response.id(), violations);
        checkCharacters("channel", response.channel(), violations);
        String customerId = response.respondent().customerId();
        if (customerId != null) {
            checkCharacters("respondent.customerId", customerId, violations);
        }
        Map<String, String> attributes = response.respondent().attributes();
        boolean storable = true;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            storable &= StorableText.firstInvalid(attribute.getKey()) < 0
                    && StorableText.firstInvalid(attribute.getValue()) < 0;
        }
        if (storable) {
            // the common case: no path is built and nothing is sorted
            return;
        }
        for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
            String name = attribute.getKey();
            String path = "respondent.attributes[" + StorableText.escaped(name) + "]";
            checkCharacters(path + ".name", name, violations);
            checkCharacters(path, attribute.getValue(), violations);
        }
    }

    private static void checkCharacters(String path, String text, List<Violation> violations) {
        int invalid = StorableText.firstInvalid(text);
        if (invalid >= 0) {
            violations.add(Violation.of(path, ViolationCode.INVALID_CHARACTER, StorableText.describe(text, invalid)));
        }
    }

    private static void checkShownOrder(CompiledSurvey survey, Response response, List<Violation> violations) {
        List<String> shownOrder = response.shownOrder();
        if (shownOrder.isEmpty()) {
            return;
        }
        var seen = new boolean[survey.items.length];
        for (int i = 0; i < shownOrder.size(); i++) {
            String questionId = shownOrder.get(i);
            int index = survey.indexOf(questionId);
            if (index < 0) {
                violations.add(Violation.of("shownOrder[" + i + "]", ViolationCode.INVALID_SHOWN_ORDER,
                        "'" + questionId + survey.notAQuestion));
            } else if (seen[index]) {
                violations.add(Violation.of("shownOrder[" + i + "]", ViolationCode.INVALID_SHOWN_ORDER,
                        "'" + questionId + "' is shown twice"));
            } else {
                seen[index] = true;
            }
        }
    }

    private static void checkAnswers(CompiledSurvey survey, Response response, List<Violation> violations) {
        Map<String, Answer> answers = response.answers();
        int unknownAt = violations.size();
        int answered = 0;
        @Nullable VisibleAnswers visibleAnswers = survey.hasConditions ? new VisibleAnswers(survey, answers) : null;
        Item[] items = survey.items;
        for (int i = 0; i < items.length; i++) {
            Item item = items[i];
            Answer answer = answers.get(item.id());
            boolean visible = visibleAnswers == null || visibleAnswers.shows(item);
            if (answer == null) {
                if (visible && item.question().required()) {
                    violations.add(Violation.of(item.path(), ViolationCode.REQUIRED_MISSING,
                            "is required and was shown, but not answered"));
                }
                continue;
            }
            answered++;
            if (!visible) {
                violations.add(Violation.of(item.path(), ViolationCode.HIDDEN_ANSWERED,
                        "was answered, but its condition hides it for this response"));
            } else {
                checkAnswer(item, answer, violations);
                if (visibleAnswers != null) {
                    visibleAnswers.show(i);
                }
            }
        }
        if (answered < answers.size()) {
            var unknown = new ArrayList<Violation>();
            for (String questionId : new TreeSet<>(answers.keySet())) {
                if (survey.indexOf(questionId) < 0) {
                    unknown.add(Violation.of("answers." + questionId, ViolationCode.UNKNOWN_QUESTION,
                            "'" + questionId + survey.notAQuestion));
                }
            }
            violations.addAll(unknownAt, unknown);
        }
    }

    private static void checkAnswer(Item item, Answer answer, List<Violation> violations) {
        @Nullable String expected = switch (item.kind()) {
            case NPS -> answer instanceof Answer.Rating ? null : "an NPS";
            case RATING -> answer instanceof Answer.Rating ? null : "a rating";
            case CHOICE -> answer instanceof Answer.Choice ? null : "a choice";
            case TEXT -> answer instanceof Answer.Text ? null : "a text";
            case YES_NO -> answer instanceof Answer.YesNo ? null : "a yes/no";
        };
        if (expected != null) {
            violations.add(wrongType(item.path(), expected, answer));
        } else if (answer instanceof Answer.Rating rating) {
            if (rating.value() < item.min() || rating.value() > item.max()) {
                violations.add(Violation.of(item.path(), ViolationCode.OUT_OF_SCALE,
                        rating.value() + " is outside " + item.min() + ".." + item.max()));
            }
        } else if (answer instanceof Answer.Choice selection) {
            checkChoice(item, (ChoiceQuestion) item.question(), selection, violations);
        } else if (answer instanceof Answer.Text written) {
            checkText(written.text(), ((TextQuestion) item.question()).maxLength(), item.path(), violations);
        }
    }

    private static void checkChoice(Item item, ChoiceQuestion question, Answer.Choice answer,
                                    List<Violation> violations) {
        String path = item.path();
        for (String optionId : answer.optionIds()) {
            if (!item.optionIds().contains(optionId)) {
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
        checkCharacters(path, text, violations);
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
