package dev.feedbackloop.core.followup;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The first human contact with the customer on a {@link FollowUp}. Immutable.
 *
 * <p>The {@code note} may hold personal data; it is removed when the customer is erased. Texts are checked as
 * {@link FollowUp} describes (no NUL or unpaired surrogate; a note of at most {@value FollowUp#MAX_NOTE_LENGTH} code
 * points, other texts of at most {@value FollowUp#MAX_TEXT_LENGTH}).
 *
 * @param channel how the customer was reached, for example {@code "phone"} or {@code "email"}; not blank
 * @param by who made the contact; not blank
 * @param at when the contact happened
 * @param note what was said, or {@code null}
 */
public record Contact(String channel, String by, Instant at, @Nullable String note) {

    public Contact {
        Texts.requireText(channel, "channel");
        Texts.requireText(by, "by");
        Objects.requireNonNull(at, "at");
        Texts.requireNote(note, "note");
    }

    /**
     * Returns a contact.
     *
     * @param channel how the customer was reached
     * @param by who made the contact
     * @param at when the contact happened
     * @param note what was said, or {@code null}
     * @return the contact
     */
    public static Contact of(String channel, String by, Instant at, @Nullable String note) {
        return new Contact(channel, by, at, note);
    }

    /**
     * Returns this contact without its note.
     *
     * @return the contact with a {@code null} note
     */
    public Contact withoutNote() {
        return new Contact(channel, by, at, null);
    }
}
