package dev.feedbackloop.survey;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An answer to one question: a closed family of immutable records.
 *
 * <p>{@link Rating} answers NPS and rating questions, {@link Choice} choice questions, {@link Text} text questions
 * and {@link YesNo} yes/no questions. Whether an answer fits its question (scale, options, length) is checked by
 * response validation, not here.
 */
public sealed interface Answer {

    /**
     * Returns a rating answer.
     *
     * @param value the rating
     * @return the answer
     */
    static Rating rating(int value) {
        return new Rating(value);
    }

    /**
     * Returns a choice answer without "other" text; {@link Choice#withOther(String)} adds it.
     *
     * @param optionIds the selected option ids
     * @return the answer
     */
    static Choice choice(String... optionIds) {
        return new Choice(List.of(optionIds), null);
    }

    /**
     * Returns a choice answer that selects only "other", with the respondent's text; add selected options with
     * {@link Choice#withOther(String)} on {@link #choice(String...)} instead.
     *
     * @param text what the respondent wrote as "other"
     * @return the answer
     */
    static Choice other(String text) {
        return new Choice(List.of(), Objects.requireNonNull(text, "otherText"));
    }

    /**
     * Returns a text answer.
     *
     * @param text the text
     * @return the answer
     */
    static Text text(String text) {
        return new Text(text);
    }

    /**
     * Returns a yes/no answer.
     *
     * @param value the answer
     * @return the answer
     */
    static YesNo yesNo(boolean value) {
        return new YesNo(value);
    }

    /**
     * An answer on a rating or NPS scale.
     *
     * @param value the rating
     */
    record Rating(int value) implements Answer {
    }

    /**
     * The options selected in a choice question, in the order selected, and optional "other" text.
     *
     * @param optionIds the selected option ids; copied; no duplicates
     * @param otherText the respondent's "other" answer, or {@code null}
     */
    record Choice(List<String> optionIds, @Nullable String otherText) implements Answer {

        public Choice {
            optionIds = List.copyOf(optionIds);
            if (repeats(optionIds)) {
                throw new IllegalArgumentException("optionIds: " + optionIds + " repeats an option");
            }
        }

        /**
         * Returns this answer with "other" text besides its selected options, as in
         * {@code Answer.choice("slow", "rude").withOther("Nobody called back")}.
         *
         * @param text what the respondent wrote as "other"
         * @return a new answer; this one is unchanged
         */
        public Choice withOther(String text) {
            return new Choice(optionIds, Objects.requireNonNull(text, "otherText"));
        }

        /** Whether an option id occurs twice: pairwise for the usual few, through a set for many. */
        private static boolean repeats(List<String> optionIds) {
            int size = optionIds.size();
            if (size > 8) {
                return new HashSet<>(optionIds).size() != size;
            }
            for (int i = 1; i < size; i++) {
                String optionId = optionIds.get(i);
                for (int j = 0; j < i; j++) {
                    if (optionId.equals(optionIds.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * A free-text answer.
     *
     * @param text the text as written
     */
    record Text(String text) implements Answer {

        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A yes/no answer.
     *
     * @param value {@code true} for yes
     */
    record YesNo(boolean value) implements Answer {
    }
}
