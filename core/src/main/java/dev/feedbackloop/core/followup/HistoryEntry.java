package dev.feedbackloop.core.followup;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step in a {@link FollowUp}'s history: what happened, the state after it, who did it and when. Immutable.
 *
 * <p>The {@code note} may hold personal data; it is removed when the customer is erased. Texts are checked as
 * {@link FollowUp} describes.
 *
 * @param action what happened
 * @param state the follow-up's state after the step
 * @param actor who did it; {@link #SYSTEM} for the library itself; not blank
 * @param at when it happened
 * @param note a free-text note, or {@code null}
 */
public record HistoryEntry(FollowUpAction action, FollowUpState state, String actor, Instant at,
                           @Nullable String note) {

    /** The actor of steps taken by the library itself (opening, escalation). */
    public static final String SYSTEM = "system";

    public HistoryEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        Texts.requireText(actor, "actor");
        Objects.requireNonNull(at, "at");
        Texts.requireNote(note, "note");
    }

    /**
     * Returns this entry without its note.
     *
     * @return the entry with a {@code null} note
     */
    public HistoryEntry withoutNote() {
        return new HistoryEntry(action, state, actor, at, null);
    }
}
