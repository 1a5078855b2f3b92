package dev.feedbackloop.examples.webapp.followup;

import java.util.List;

/**
 * One page of the inbox. Immutable.
 *
 * @param rows the follow-ups on this page, most urgent first
 * @param page this page, from 0
 * @param pages how many pages there are, at least 1
 * @param total how many follow-ups match the filter
 * @param overdue how many of them are overdue
 */
public record InboxPage(List<InboxRow> rows, int page, int pages, long total, long overdue) {

    public InboxPage {
        rows = List.copyOf(rows);
    }

    /**
     * Whether there is a page before this one.
     *
     * @return {@code true} unless this is the first page
     */
    public boolean hasPrevious() {
        return page > 0;
    }

    /**
     * Whether there is a page after this one.
     *
     * @return {@code true} unless this is the last page
     */
    public boolean hasNext() {
        return page + 1 < pages;
    }
}
