package dev.feedbackloop.examples.webapp.followup;

import org.jspecify.annotations.Nullable;

/**
 * The fields of an action's form; each action reads the ones it needs. Immutable.
 *
 * @param note the agent's note, or {@code null} when blank
 * @param channel how the customer was reached (contact)
 * @param code the resolution code (resolve)
 * @param rootCause the root cause (resolve)
 * @param reason why it is closed (close)
 */
public record ActionInput(@Nullable String note, String channel, String code, String rootCause, String reason) {

    /**
     * The fields as the form sends them; blank or missing ones become a note of {@code null} or an empty value.
     *
     * @param note the note field
     * @param channel the channel field
     * @param code the code field
     * @param rootCause the root cause field
     * @param reason the reason field
     * @return the input
     */
    public static ActionInput of(@Nullable String note, @Nullable String channel, @Nullable String code,
                                 @Nullable String rootCause, @Nullable String reason) {
        return new ActionInput(note == null || note.isBlank() ? null : note.strip(), orEmpty(channel),
                orEmpty(code), orEmpty(rootCause), orEmpty(reason));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
