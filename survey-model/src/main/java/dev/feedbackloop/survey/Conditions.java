package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates display conditions against answers, as each {@link Condition} record documents.
 *
 * <p>Design note: conditions are plain data in their own package, which knows nothing of answers; evaluation lives
 * here, beside {@link Answer}, so that the survey model depends on conditions and never the other way round.
 */
final class Conditions {

    private Conditions() {
    }

    /** Whether a condition holds for the answers given so far, by question id. */
    static boolean holds(Condition condition, Map<String, Answer> answers) {
        if (condition instanceof Condition.Answered answered) {
            return answers.containsKey(answered.questionId());
        } else if (condition instanceof Condition.NotAnswered notAnswered) {
            return !answers.containsKey(notAnswered.questionId());
        } else if (condition instanceof Condition.AtLeast atLeast) {
            return answers.get(atLeast.questionId()) instanceof Answer.Rating rating
                    && rating.value() >= atLeast.value();
        } else if (condition instanceof Condition.AtMost atMost) {
            return answers.get(atMost.questionId()) instanceof Answer.Rating rating
                    && rating.value() <= atMost.value();
        } else if (condition instanceof Condition.Equals equals) {
            Answer answer = answers.get(equals.questionId());
            return answer != null && matches(answer, equals.value());
        } else if (condition instanceof Condition.In in) {
            Answer answer = answers.get(in.questionId());
            return answer != null && matches(answer, in.values());
        } else if (condition instanceof Condition.All all) {
            return allHold(all.conditions(), answers);
        } else if (condition instanceof Condition.Any any) {
            return anyHolds(any.conditions(), answers);
        } else if (condition instanceof Condition.Not not) {
            return !holds(not.condition(), answers);
        }
        throw new AssertionError("unhandled condition type " + condition.getClass());
    }

    private static boolean allHold(List<Condition> conditions, Map<String, Answer> answers) {
        for (Condition condition : conditions) {
            if (!holds(condition, answers)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyHolds(List<Condition> conditions, Map<String, Answer> answers) {
        for (Condition condition : conditions) {
            if (holds(condition, answers)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an answer equals one value; {@link #matches(Answer, Set)} of that value alone, with no set. */
    static boolean matches(Answer answer, String value) {
        if (answer instanceof Answer.Rating rating) {
            return value.equals(Integer.toString(rating.value()));
        } else if (answer instanceof Answer.YesNo yesNo) {
            return value.equals(yesNo.value() ? "yes" : "no");
        } else if (answer instanceof Answer.Choice choice) {
            return choice.optionIds().contains(value);
        } else if (answer instanceof Answer.Text text) {
            return value.equals(text.text());
        }
        throw new AssertionError("unhandled answer type " + answer.getClass());
    }

    static boolean matches(Answer answer, Set<String> values) {
        if (answer instanceof Answer.Rating rating) {
            return values.contains(Integer.toString(rating.value()));
        } else if (answer instanceof Answer.YesNo yesNo) {
            return values.contains(yesNo.value() ? "yes" : "no");
        } else if (answer instanceof Answer.Choice choice) {
            for (String option : choice.optionIds()) {
                if (values.contains(option)) {
                    return true;
                }
            }
            return false;
        } else if (answer instanceof Answer.Text text) {
            return values.contains(text.text());
        }
        throw new AssertionError("unhandled answer type " + answer.getClass());
    }
}
