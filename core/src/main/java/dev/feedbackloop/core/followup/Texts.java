package dev.feedbackloop.core.followup;

import dev.feedbackloop.survey.validation.StorableText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the records of this package: every text they hold is stored as given. */
final class Texts {

    private Texts() {
    }

    /** A short text: not blank, {@linkplain StorableText storable}, at most {@link FollowUp#MAX_TEXT_LENGTH}. */
    static String requireText(@Nullable String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return StorableText.require(value, name, FollowUp.MAX_TEXT_LENGTH);
    }

    /** A free-text note, or {@code null}: storable, at most {@link FollowUp#MAX_NOTE_LENGTH}. */
    static @Nullable String requireNote(@Nullable String note, String name) {
        return note == null ? null : StorableText.require(note, name, FollowUp.MAX_NOTE_LENGTH);
    }
}
