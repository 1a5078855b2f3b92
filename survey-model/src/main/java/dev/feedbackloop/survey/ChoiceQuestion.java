package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A single- or multiple-choice question over options with stable ids, optionally with a free-text "other".
 * Immutable.
 *
 * <p>{@link #single(String, String, List)} and {@link #multiple(String, String, List)} are required questions
 * without "other"; {@link #builder(String, String)} adds options one by one, limits the number of selections,
 * allows "other", makes the question optional, or adds help or a display condition.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 * @param multiple {@code true} for multiple choice
 * @param options the options, in display order; copied
 * @param allowOther whether the respondent may write an "other" answer
 * @param minSelections the fewest selections an answer may have (for single choice, 1)
 * @param maxSelections the most selections an answer may have (for single choice, 1)
 */
public record ChoiceQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                             @Nullable Condition condition, boolean multiple, List<ChoiceOption> options,
                             boolean allowOther, int minSelections, int maxSelections) implements Question {

    public ChoiceQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("options: a choice question needs at least one option");
        }
        int choices = options.size() + (allowOther ? 1 : 0);
        if (!multiple && (minSelections != 1 || maxSelections != 1)) {
            throw new IllegalArgumentException("selections: single choice takes exactly 1, got "
                    + minSelections + ".." + maxSelections);
        }
        if (minSelections < 1 || maxSelections < minSelections || maxSelections > choices) {
            throw new IllegalArgumentException("selections: " + minSelections + ".." + maxSelections
                    + " is not within 1.." + choices);
        }
    }

    /**
     * Returns a required single-choice question.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @param options the options, in display order; at least one
     * @return the question
     * @throws IllegalArgumentException if the id is invalid, the prompt blank, or there are no options
     */
    public static ChoiceQuestion single(String id, String prompt, List<ChoiceOption> options) {
        return builder(id, prompt).options(options).build();
    }

    /**
     * Returns a required multiple-choice question that takes one or more of the options.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @param options the options, in display order; at least one
     * @return the question
     * @throws IllegalArgumentException if the id is invalid, the prompt blank, or there are no options
     */
    public static ChoiceQuestion multiple(String id, String prompt, List<ChoiceOption> options) {
        return builder(id, prompt).options(options).multiple().build();
    }

    /**
     * Starts a required single-choice question without options; add them with {@link Builder#option}.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @return a builder
     * @throws IllegalArgumentException if the id is not a valid question id or the prompt is blank
     */
    public static Builder builder(String id, String prompt) {
        return new Builder(id, Questions.text(prompt, "prompt"));
    }

    /**
     * Starts a required single-choice question, whose prompt has translations, without options.
     *
     * @param id the question id
     * @param prompt the prompt
     * @return a builder
     * @throws IllegalArgumentException if the id is not a valid question id
     */
    public static Builder builder(String id, LocalizedText prompt) {
        return new Builder(id, prompt);
    }

    @Override
    public String type() {
        return "choice";
    }

    /**
     * Builds a {@link ChoiceQuestion}; not thread-safe. Single choice unless {@link #multiple()} or
     * {@link #multiple(int, int)} is called; at least one option must be added.
     */
    public static final class Builder extends Question.Builder<ChoiceQuestion, Builder> {

        private final List<ChoiceOption> options = new ArrayList<>();
        private boolean multiple;
        private int minSelections = 1;
        /** The most selections, or 0 for "as many as there are choices". */
        private int maxSelections = 1;
        private boolean allowOther;

        private Builder(String id, LocalizedText prompt) {
            super(id, prompt);
        }

        /**
         * Appends an option with an untranslated label.
         *
         * @param optionId the option id, unique within the question and stable across survey versions
         * @param label the label shown
         * @return this builder
         * @throws IllegalArgumentException if the id is not a valid id or is already an option, or the label is
         *     blank
         */
        public Builder option(String optionId, String label) {
            Objects.requireNonNull(optionId, "optionId");
            return option(new ChoiceOption(optionId, Questions.text(label, "label")));
        }

        /**
         * Appends an option.
         *
         * @param option the option
         * @return this builder
         * @throws IllegalArgumentException if the question already has an option with that id
         */
        public Builder option(ChoiceOption option) {
            Objects.requireNonNull(option, "option");
            for (ChoiceOption existing : options) {
                if (existing.id().equals(option.id())) {
                    throw new IllegalArgumentException("option: '" + option.id() + "' is already an option of "
                            + describe("choice"));
                }
            }
            options.add(option);
            return this;
        }

        /**
         * Appends options, in order.
         *
         * @param added the options
         * @return this builder
         * @throws IllegalArgumentException if an option id repeats
         */
        public Builder options(List<ChoiceOption> added) {
            Objects.requireNonNull(added, "options").forEach(this::option);
            return this;
        }

        /**
         * Makes it a multiple choice that takes one or more selections, up to every option (and "other", if
         * allowed).
         *
         * @return this builder
         */
        public Builder multiple() {
            this.multiple = true;
            this.minSelections = 1;
            this.maxSelections = 0;
            return this;
        }

        /**
         * Makes it a multiple choice that takes between {@code min} and {@code max} selections; "other" counts as
         * one. Whether {@code max} fits the number of choices is checked by {@link #build()}.
         *
         * @param min the fewest selections, at least 1
         * @param max the most selections, at least {@code min}
         * @return this builder
         * @throws IllegalArgumentException if {@code min} is below 1 or {@code max} below {@code min}
         */
        public Builder multiple(int min, int max) {
            if (min < 1) {
                throw new IllegalArgumentException("min: " + min + " is below 1");
            }
            if (max < min) {
                throw new IllegalArgumentException("max: " + max + " is below min " + min);
            }
            this.multiple = true;
            this.minSelections = min;
            this.maxSelections = max;
            return this;
        }

        /**
         * Lets the respondent write an "other" answer besides the options; it is limited to
         * {@value TextQuestion#DEFAULT_MAX_LENGTH} code points.
         *
         * @return this builder
         */
        public Builder allowOther() {
            this.allowOther = true;
            return this;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalStateException if no option was added
         * @throws IllegalArgumentException if the most selections set exceeds the options (plus "other")
         */
        @Override
        public ChoiceQuestion build() {
            if (options.isEmpty()) {
                throw new IllegalStateException(describe("choice") + ": no options; expected at least one, added"
                        + " with option(...) or options(...)");
            }
            int choices = options.size() + (allowOther ? 1 : 0);
            if (maxSelections > choices) {
                throw new IllegalArgumentException(describe("choice") + ": max " + maxSelections
                        + " is more than the " + choices + " choices");
            }
            return new ChoiceQuestion(id, prompt, required, helpText, condition, multiple, options, allowOther,
                    minSelections, maxSelections == 0 ? choices : maxSelections);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
