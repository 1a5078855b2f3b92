package dev.feedbackloop.scoring.export;

import dev.feedbackloop.scoring.internal.Cells;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The missing-value markers of a read, trimmed; a cell equal to one after trimming is blank. */
final class NaMarkers {

    private final String[] markers;

    private NaMarkers(String[] markers) {
        this.markers = markers;
    }

    static NaMarkers of(Collection<String> markers) {
        List<String> trimmed = new ArrayList<>();
        for (String marker : markers) {
            String t = Cells.trim(marker);
            if (!t.isEmpty() && !trimmed.contains(t)) {
                trimmed.add(t);
            }
        }
        return new NaMarkers(trimmed.toArray(new String[0]));
    }

    /** Whether the cell is blank: empty, only spaces and tabs, or equal to a marker after trimming. */
    boolean isBlank(CharSequence cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && Cells.isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && Cells.isSpace(cell.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return true;
        }
        for (String marker : markers) {
            if (marker.length() == end - start && regionMatches(cell, start, marker)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return markers.length == 0;
    }

    private static boolean regionMatches(CharSequence cell, int start, String marker) {
        for (int i = 0; i < marker.length(); i++) {
            if (cell.charAt(start + i) != marker.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
