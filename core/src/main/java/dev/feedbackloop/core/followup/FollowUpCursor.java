package dev.feedbackloop.core.followup;

import dev.feedbackloop.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of follow-ups ended: the key of its last follow-up, a deadline and the follow-up id, in a list ordered
 * by that deadline then id. The next page holds the follow-ups strictly after it (keyset pagination), so a follow-up
 * inserted before the cursor, or removed, never makes the next page repeat or skip one. Immutable and thread-safe.
 *
 * <p>Hosts treat a cursor as opaque: take it from {@link FollowUpPage#next()}, hand {@link #token()} to a client (it is
 * URL-safe) and read it back with {@link #parse(String)}. Stores read its parts to continue their ordered query.
 *
 * <p>A follow-up whose key changes between pages (a resume moves its deadlines, a reopen gives new ones) may move from
 * one side of the cursor to the other, and one that stops matching a query's criteria (a state filter, say) leaves
 * the list; every follow-up whose key and match stay the same is listed exactly once.
 *
 * @param orderedBy the deadline the list is ordered by: {@code FIRST_CONTACT} for
 *     {@link FollowUpTracker#page(FollowUpQuery, FollowUpCursor)} and
 *     {@link FollowUpTracker#dueWithinPage(java.time.Duration, Instant, int, FollowUpCursor)}, the kind asked for by
 *     {@link FollowUpTracker#overduePage(DeadlineKind, Instant, int, FollowUpCursor)}
 * @param due the deadline of that kind of the last follow-up of the page
 * @param id the id of the last follow-up of the page
 */
public record FollowUpCursor(DeadlineKind orderedBy, Instant due, String id) {

    private static final String VERSION = "1";

    public FollowUpCursor {
        Objects.requireNonNull(orderedBy, "orderedBy");
        Objects.requireNonNull(due, "due");
        Texts.requireText(id, "id");
    }

    /**
     * Returns the cursor after a follow-up in a list ordered by one of its deadlines.
     *
     * @param last the last follow-up of a page
     * @param orderedBy the deadline the list is ordered by
     * @return the cursor
     * @throws IllegalStateException if {@code orderedBy} is {@code RESOLUTION} and the follow-up has no such deadline
     */
    public static FollowUpCursor after(FollowUp last, DeadlineKind orderedBy) {
        return new FollowUpCursor(orderedBy, last.due(orderedBy), last.id());
    }

    /**
     * Reads a cursor from its {@link #token()}.
     *
     * @param token the token, as a client sent it back
     * @return the cursor
     * @throws InvalidInputException (field {@code cursor}) if the token was not made by {@link #token()}
     */
    public static FollowUpCursor parse(String token) {
        Objects.requireNonNull(token, "token");
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split(":", 5);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a cursor");
            }
            int nanos = Integer.parseInt(parts[3]);
            if (nanos < 0 || nanos > 999_999_999) {
                throw new IllegalArgumentException("not a nanosecond of a second");
            }
            return new FollowUpCursor(DeadlineKind.valueOf(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]), nanos), parts[4]);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException | InvalidInputException e) {
            throw new InvalidInputException("cursor", "is not a cursor this library made; expected the token of a"
                    + " page's next cursor");
        }
    }

    /**
     * Returns the cursor as an opaque, URL-safe text that {@link #parse(String)} reads back.
     *
     * @return the token (Base64url without padding)
     */
    public String token() {
        String text = VERSION + ":" + orderedBy.name() + ":" + due.getEpochSecond() + ":" + due.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns whether a follow-up lies strictly after this cursor in the list's order, by its deadline of
     * {@link #orderedBy()} then id; a follow-up without that deadline does not.
     *
     * @param followUp the follow-up
     * @return {@code true} if it belongs on a later page
     */
    public boolean precedes(FollowUp followUp) {
        return followUp.findDue(orderedBy).map(d -> {
            int byDue = d.compareTo(due);
            return byDue > 0 || byDue == 0 && followUp.id().compareTo(id) > 0;
        }).orElse(false);
    }

    /**
     * Checks that this cursor comes from a list ordered by a deadline.
     *
     * @param kind the deadline the list is ordered by
     * @return this cursor
     * @throws InvalidInputException (field {@code cursor}) if the cursor comes from a list ordered by another deadline
     */
    public FollowUpCursor requireOrderedBy(DeadlineKind kind) {
        if (orderedBy != kind) {
            throw new InvalidInputException("cursor", "comes from a list ordered by " + orderedBy
                    + "; expected a cursor of a list ordered by " + kind);
        }
        return this;
    }
}
