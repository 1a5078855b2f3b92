package dev.feedbackloop.core.followup;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.survey.validation.StorableText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by the records of this package: every text they hold is stored as given, and most of it is
 * typed by people, so a text that cannot be taken is an {@link InvalidInputException} that names it.
 */
final class Texts {

    private Texts() {
    }

    /** A short text: not blank, {@linkplain StorableText storable}, at most {@link FollowUp#MAX_TEXT_LENGTH}. */
    static String requireText(@Nullable String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new InvalidInputException(name, "is blank; expected a text");
        }
        return StorableText.require(value, name, FollowUp.MAX_TEXT_LENGTH);
    }

    /** A free-text note, or {@code null}: storable, at most {@link FollowUp#MAX_NOTE_LENGTH}. */
    static @Nullable String requireNote(@Nullable String note, String name) {
        return note == null ? null : StorableText.require(note, name, FollowUp.MAX_NOTE_LENGTH);
    }
}
