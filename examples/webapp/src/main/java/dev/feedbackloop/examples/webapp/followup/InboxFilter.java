package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.core.followup.FollowUpState;
import org.jspecify.annotations.Nullable;

/**
 * What the inbox shows: every criterion that is set must match. Immutable.
 *
 * @param owner the owner, or {@code null} for anyone
 * @param policy the policy id, or {@code null} for any
 * @param state the state, or {@code null} for open work (open or contacted)
 */
public record InboxFilter(@Nullable String owner, @Nullable String policy, @Nullable FollowUpState state) {

    /**
     * A filter from the inbox form's fields, where an empty value means "any".
     *
     * @param owner the owner field
     * @param policy the policy field
     * @param state the state field: a state's name, or empty for open work
     * @return the filter
     */
    public static InboxFilter of(@Nullable String owner, @Nullable String policy, @Nullable String state) {
        FollowUpState parsed = null;
        if (state != null && !state.isBlank()) {
            try {
                parsed = FollowUpState.valueOf(state);
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
        }
        return new InboxFilter(blankToNull(owner), blankToNull(policy), parsed);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
