package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One question of a {@link Survey}: a closed family of immutable records.
 *
 * <p>Every question has a stable {@link #id()} (unique within its survey, referenced by answers and conditions), a
 * {@link #prompt()}, a {@link #required()} flag, optional {@link #helpText()} and an optional display
 * {@link #condition()}: a question whose condition is false for a response is hidden and must not be answered.
 *
 * <p>Create questions with the factories of each type for the common cases, all of them required unless their name
 * says otherwise ({@link NpsQuestion#standard(String)}, {@link RatingQuestion#csat(String, String, int)},
 * {@link RatingQuestion#cesAgreement(String, String, int)}, {@link RatingQuestion#cesEffort(String, String, int)},
 * {@link ChoiceQuestion#single(String, String, java.util.List)}, {@link TextQuestion#of(String, String)},
 * {@link TextQuestion#optional(String, String)}, {@link YesNoQuestion#of(String, String)}), and with each type's
 * builder for the rest:
 * <pre>{@code
 * ChoiceQuestion reason = ChoiceQuestion.builder("reason", "What went wrong?")
 *         .option("slow", "It took too long").option("rude", "I was treated badly")
 *         .multiple().allowOther()
 *         .condition(Condition.atMost("nps", 6))
 *         .build();
 * }</pre>
 * The records' canonical constructors, which take every component in order, are the path of the JSON mapping.
 */
public sealed interface Question
        permits NpsQuestion, RatingQuestion, ChoiceQuestion, TextQuestion, YesNoQuestion {

    /**
     * Returns the question id, unique within the survey.
     *
     * @return the id
     */
    String id();

    /**
     * Returns the question as shown to the respondent.
     *
     * @return the prompt
     */
    LocalizedText prompt();

    /**
     * Returns whether a response must answer this question when it is visible.
     *
     * @return {@code true} if required
     */
    boolean required();

    /**
     * Returns optional help shown with the prompt.
     *
     * @return the help text, or {@code null} when there is none
     */
    @Nullable LocalizedText helpText();

    /**
     * Returns the condition under which the question is shown.
     *
     * @return the display condition, or {@code null} when the question is always shown
     */
    @Nullable Condition condition();

    /**
     * Returns the name of this kind of question, as the JSON {@code "type"} field and validation messages spell it.
     *
     * @return {@code "nps"}, {@code "rating"}, {@code "choice"}, {@code "text"} or {@code "yesNo"}
     */
    String type();

    /**
     * Returns whether this question is shown for a response, given the answers to the questions shown before it:
     * {@code true} when it has no {@link #condition()} or its condition holds for those answers. A shown question
     * may be answered, and must be when it is {@link #required()}; a hidden one must not be.
     *
     * @param answers the answers to the questions shown before this one, by question id; answers to hidden
     *     questions must be left out, since a condition never sees them
     * @return whether the question is shown
     */
    default boolean isShown(Map<String, Answer> answers) {
        Condition condition = condition();
        return condition == null || Conditions.holds(condition, answers);
    }

    /**
     * What every question builder sets: whether the question is required (it is unless {@link #optional()} is
     * called), its help text and its display condition. Each type's builder adds what that type needs. Not
     * thread-safe; each setter checks its argument at once and {@link #build()} checks the whole.
     *
     * @param <Q> the type of question built
     * @param <B> the type of the builder itself, which every setter returns so that calls chain
     */
    abstract sealed class Builder<Q extends Question, B extends Builder<Q, B>>
            permits NpsQuestion.Builder, RatingQuestion.Builder, ChoiceQuestion.Builder, TextQuestion.Builder,
            YesNoQuestion.Builder {

        final String id;
        LocalizedText prompt;
        boolean required = true;
        @Nullable LocalizedText helpText;
        @Nullable Condition condition;

        Builder(String id, LocalizedText prompt) {
            this.id = Questions.requireId(id);
            this.prompt = Objects.requireNonNull(prompt, "prompt");
        }

        /**
         * Makes the question optional: a response may leave it unanswered even when it is shown. Questions are
         * required by default.
         *
         * @return this builder
         */
        public B optional() {
            this.required = false;
            return self();
        }

        /**
         * Sets help shown with the prompt; by default there is none.
         *
         * @param text the help in the survey's default language; not blank
         * @return this builder
         * @throws IllegalArgumentException if the text is blank
         */
        public B helpText(String text) {
            return helpText(Questions.text(text, "helpText"));
        }

        /**
         * Sets help shown with the prompt, with its translations; by default there is none.
         *
         * @param text the help
         * @return this builder
         */
        public B helpText(LocalizedText text) {
            this.helpText = Objects.requireNonNull(text, "helpText");
            return self();
        }

        /**
         * Shows the question only when a condition on earlier answers holds; by default it is always shown.
         * Whether the condition fits its survey (earlier questions, values they can have) is checked when the
         * survey is built.
         *
         * @param shownWhen the display condition
         * @return this builder
         */
        public B condition(Condition shownWhen) {
            this.condition = Objects.requireNonNull(shownWhen, "condition");
            return self();
        }

        /**
         * Builds the question.
         *
         * @return the question
         * @throws IllegalStateException if a part the question type needs was not set
         * @throws IllegalArgumentException if the parts set do not fit together
         */
        public abstract Q build();

        /** Returns this builder as its own type. */
        abstract B self();

        /** Names the question in messages: {@code choice question 'reason'}. */
        String describe(String type) {
            return type + " question '" + id + "'";
        }
    }
}
