package dev.feedbackloop.core.followup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of an ordered list of follow-ups and the cursor of the next page, as the paged queries of
 * {@link FollowUpTracker} return it. Immutable and thread-safe.
 *
 * <pre>{@code
 * FollowUpPage page = tracker.page(FollowUpQuery.all().withOwner("ana").withLimit(50), null);
 * show(page.items());
 * page.next().ifPresent(next -> link("?cursor=" + next.token()));
 * // later, for the next page: tracker.page(query, FollowUpCursor.parse(cursorParameter))
 * }</pre>
 */
public final class FollowUpPage {

    private final List<FollowUp> items;
    private final @Nullable FollowUpCursor next;

    private FollowUpPage(List<FollowUp> items, @Nullable FollowUpCursor next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /**
     * Returns a page.
     *
     * @param items the follow-ups of the page, in the list's order; copied
     * @param next the cursor of the next page, or {@code null} when this is the last page
     * @return the page
     * @throws IllegalArgumentException if there is a next page after an empty one
     */
    public static FollowUpPage of(List<FollowUp> items, @Nullable FollowUpCursor next) {
        if (items.isEmpty() && next != null) {
            throw new IllegalArgumentException("an empty page has no next page, got cursor " + next);
        }
        return new FollowUpPage(items, next);
    }

    /**
     * Returns the page made of the first {@code size} follow-ups of a list read one longer than the page: the cursor
     * after the last of them if there are more, none if not.
     *
     * @param rows up to {@code size + 1} follow-ups in the list's order
     * @param size the page size, at least 1
     * @param orderedBy the deadline the list is ordered by
     * @return the page
     */
    public static FollowUpPage of(List<FollowUp> rows, int size, DeadlineKind orderedBy) {
        if (size < 1) {
            throw new IllegalArgumentException("size: " + size + " is not positive");
        }
        if (rows.size() <= size) {
            return new FollowUpPage(rows, null);
        }
        List<FollowUp> items = rows.subList(0, size);
        return new FollowUpPage(items, FollowUpCursor.after(items.get(size - 1), orderedBy));
    }

    /**
     * Returns the follow-ups of this page, in the list's order.
     *
     * @return an unmodifiable list; empty only when the list has nothing after the cursor asked for
     */
    public List<FollowUp> items() {
        return items;
    }

    /**
     * Returns the cursor of the next page.
     *
     * @return the cursor, or empty when this is the last page
     */
    public Optional<FollowUpCursor> next() {
        return Optional.ofNullable(next);
    }

    /**
     * Returns whether more follow-ups followed this page when it was read.
     *
     * @return {@code true} if {@link #next()} is present
     */
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FollowUpPage page && items.equals(page.items) && Objects.equals(next, page.next);
    }

    @Override
    public int hashCode() {
        return 31 * items.hashCode() + Objects.hashCode(next);
    }

    @Override
    public String toString() {
        return "FollowUpPage[" + items.size() + " item(s), next=" + next + "]";
    }
}
