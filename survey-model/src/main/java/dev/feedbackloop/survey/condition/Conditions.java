package dev.feedbackloop.survey.condition;

import dev.feedbackloop.survey.Answer;
import java.util.Set;

/** Comparison of an answer with condition values. */
final class Conditions {

    private Conditions() {
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
