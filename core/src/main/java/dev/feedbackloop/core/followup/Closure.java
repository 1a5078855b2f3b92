package dev.feedbackloop.core.followup;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why, by whom and when a {@link FollowUp} was closed without resolution, as an agent enters it: the parameter of
 * {@link FollowUpTracker#close(String, long, Closure)}. Immutable.
 *
 * <p>The reason is kept on the follow-up ({@link FollowUp#closeReason()}), the rest in its history. The {@code note}
 * may hold personal data; it is removed when the customer is erased, and so is the reason. Texts are checked as
 * {@link FollowUp} describes.
 *
 * @param reason why, for example {@code "no-contact-possible"}; not blank
 * @param by who closed it; not blank
 * @param at when it was closed
 * @param note a note, or {@code null}
 */
public record Closure(String reason, String by, Instant at, @Nullable String note) {

    public Closure {
        Texts.requireText(reason, "reason");
        Texts.requireText(by, "by");
        Objects.requireNonNull(at, "at");
        Texts.requireNote(note, "note");
    }

    /**
     * Returns a closure.
     *
     * @param reason why, for example {@code "no-contact-possible"}
     * @param by who closes it
     * @param at when
     * @param note a note, or {@code null}
     * @return the closure
     */
    public static Closure of(String reason, String by, Instant at, @Nullable String note) {
        return new Closure(reason, by, at, note);
    }
}
