package dev.feedbackloop.core.followup;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link FollowUp} was resolved, in the host's taxonomy. Immutable.
 *
 * <p>The {@code note} may hold personal data; it is removed when the customer is erased, and so are a code and
 * a root cause that are not from the host's taxonomy ({@link FollowUp#erased}). Texts are checked as
 * {@link FollowUp} describes.
 *
 * @param code the resolution code, for example {@code "refund"}; not blank
 * @param rootCause the root cause, for example {@code "billing-error"}; not blank
 * @param by who resolved it; not blank
 * @param at when it was resolved
 * @param note the outcome in words, or {@code null}
 */
public record Resolution(String code, String rootCause, String by, Instant at, @Nullable String note) {

    public Resolution {
        Texts.requireText(code, "code");
        Texts.requireText(rootCause, "rootCause");
        Texts.requireText(by, "by");
        Objects.requireNonNull(at, "at");
        Texts.requireNote(note, "note");
    }

    /**
     * Returns a resolution.
     *
     * @param code the resolution code
     * @param rootCause the root cause
     * @param by who resolved it
     * @param at when it was resolved
     * @param note the outcome in words, or {@code null}
     * @return the resolution
     */
    public static Resolution of(String code, String rootCause, String by, Instant at, @Nullable String note) {
        return new Resolution(code, rootCause, by, at, note);
    }

    /**
     * Returns this resolution without its note.
     *
     * @return the resolution with a {@code null} note
     */
    public Resolution withoutNote() {
        return new Resolution(code, rootCause, by, at, null);
    }
}
