package dev.feedbackloop.survey;

import java.util.Objects;

/**
 * One option of a {@link ChoiceQuestion}, with a stable id that answers refer to. Immutable.
 *
 * @param id the option id, unique within its question and stable across survey versions
 * @param label the label shown
 */
public record ChoiceOption(String id, LocalizedText label) {

    public ChoiceOption {
        Questions.requireId(id);
        Objects.requireNonNull(label, "label");
    }

    /**
     * Returns an option with an untranslated label.
     *
     * @param id the option id
     * @param label the label
     * @return the option
     */
    public static ChoiceOption of(String id, String label) {
        return new ChoiceOption(id, LocalizedText.of(label));
    }
}
