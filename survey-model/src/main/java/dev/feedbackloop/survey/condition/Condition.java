package dev.feedbackloop.survey.condition;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a question is shown: a closed tree of comparisons on earlier answers combined with all / any / not.
 * Immutable values and nothing more: a condition is data that names question ids and literal values, and knows
 * nothing of surveys or answers. The survey model evaluates it ({@code Question.isShown(answers)}) and checks that
 * it fits its survey ({@code Survey.check(questions)}); each record documents when it holds.
 *
 * <p>A comparison on a question that was not answered is false (so {@code not(atMost(q, 6))} is true when
 * {@code q} is unanswered; use {@link Answered} to require an answer).
 */
public sealed interface Condition {

    /**
     * Returns a condition that holds when a question was answered.
     *
     * @param questionId the earlier question
     * @return the condition
     */
    static Condition answered(String questionId) {
        return new Answered(questionId);
    }

    /**
     * Returns a condition that holds when a question was not answered.
     *
     * @param questionId the earlier question
     * @return the condition
     */
    static Condition notAnswered(String questionId) {
        return new NotAnswered(questionId);
    }

    /**
     * Returns a condition that holds when a rating answer is at least a value.
     *
     * @param questionId the earlier NPS or rating question
     * @param value the inclusive lower bound
     * @return the condition
     */
    static Condition atLeast(String questionId, int value) {
        return new AtLeast(questionId, value);
    }

    /**
     * Returns a condition that holds when a rating answer is at most a value.
     *
     * @param questionId the earlier NPS or rating question
     * @param value the inclusive upper bound
     * @return the condition
     */
    static Condition atMost(String questionId, int value) {
        return new AtMost(questionId, value);
    }

    /**
     * Returns a condition that holds when an answer equals a value, as {@link Equals} defines it.
     *
     * @param questionId the earlier question
     * @param value the value as text: a rating, {@code "yes"}/{@code "no"}, an option id or a text
     * @return the condition
     */
    static Condition equalTo(String questionId, String value) {
        return new Equals(questionId, value);
    }

    /**
     * Returns a condition that holds when an answer is one of several values, as {@link In} defines it.
     *
     * @param questionId the earlier question
     * @param values the values; at least one
     * @return the condition
     */
    static Condition in(String questionId, String... values) {
        return new In(questionId, Set.of(values));
    }

    /**
     * Returns a condition that holds when every part holds.
     *
     * @param conditions the parts; at least one
     * @return the condition
     */
    static Condition all(Condition... conditions) {
        return new All(List.of(conditions));
    }

    /**
     * Returns a condition that holds when at least one part holds.
     *
     * @param conditions the parts; at least one
     * @return the condition
     */
    static Condition any(Condition... conditions) {
        return new Any(List.of(conditions));
    }

    /**
     * Returns a condition that holds when its part does not.
     *
     * @param condition the negated part
     * @return the condition
     */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /**
     * True when the question was answered.
     *
     * @param questionId the earlier question
     */
    record Answered(String questionId) implements Condition {
        public Answered {
            Objects.requireNonNull(questionId, "questionId");
        }
    }

    /**
     * True when the question was not answered.
     *
     * @param questionId the earlier question
     */
    record NotAnswered(String questionId) implements Condition {
        public NotAnswered {
            Objects.requireNonNull(questionId, "questionId");
        }
    }

    /**
     * True when a rating answer is at least a value.
     *
     * @param questionId the earlier rating or NPS question
     * @param value the inclusive lower bound
     */
    record AtLeast(String questionId, int value) implements Condition {
        public AtLeast {
            Objects.requireNonNull(questionId, "questionId");
        }
    }

    /**
     * True when a rating answer is at most a value.
     *
     * @param questionId the earlier rating or NPS question
     * @param value the inclusive upper bound
     */
    record AtMost(String questionId, int value) implements Condition {
        public AtMost {
            Objects.requireNonNull(questionId, "questionId");
        }
    }

    /**
     * True when the answer equals a value: a rating's value, a yes/no answer ({@code "yes"}/{@code "no"}), a
     * single choice's option id, or a text answer's text.
     *
     * @param questionId the earlier question
     * @param value the value, as text
     */
    record Equals(String questionId, String value) implements Condition {
        public Equals {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * True when the answer is one of several values (as in {@link Equals}); for a multiple choice, when any
     * selected option is among them.
     *
     * @param questionId the earlier question
     * @param values the values; copied; not empty
     */
    record In(String questionId, Set<String> values) implements Condition {
        public In {
            Objects.requireNonNull(questionId, "questionId");
            values = Set.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values must not be empty");
            }
        }
    }

    /**
     * True when every part is true.
     *
     * @param conditions the parts; copied; not empty
     */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("all: needs at least one condition");
            }
        }
    }

    /**
     * True when at least one part is true.
     *
     * @param conditions the parts; copied; not empty
     */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("any: needs at least one condition");
            }
        }
    }

    /**
     * True when the part is false.
     *
     * @param condition the negated part
     */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }
}
