package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.export.ExportFormatException;
import dev.feedbackloop.scoring.export.ExportRow;
import dev.feedbackloop.scoring.internal.Cells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The invalid cells of a run: their count, the first {@value #KEPT} in file order, and how often each of the first
 * {@value #COUNTED_VALUES} distinct values occurs (so that a missing-value marker such as {@code NA} can be named).
 * Memory is bounded whatever the number of rows. Not thread-safe: one per part of a read.
 */
final class InvalidCells {

    static final int KEPT = 100;
    /** How many distinct invalid values are counted; later new values are not. */
    static final int COUNTED_VALUES = 256;
    /** Longer values are kept shortened, so that a few huge cells cannot exhaust memory. */
    private static final int MAX_VALUE_LENGTH = 1000;

    /** One invalid cell as reported in {@code input.errors}. */
    record Entry(long line, String column, String value, String message) {
    }

    /** How often an invalid value occurs, and where first. */
    static final class Occurrences {
        long count;
        final String column;
        long firstLine;

        Occurrences(String column, long firstLine) {
            this.column = column;
            this.firstLine = firstLine;
        }
    }

    private final boolean strict;
    private final List<Entry> first = new ArrayList<>();
    private final Map<String, Occurrences> values = new LinkedHashMap<>();
    private long count;

    InvalidCells(boolean strict) {
        this.strict = strict;
    }

    /** Records an invalid cell; with {@code --strict}, throws instead. */
    void add(ExportRow row, int column, String message) {
        add(row, row.columnName(column), row.text(column), message);
    }

    void add(ExportRow row, String column, String value, String message) {
        if (strict) {
            throw new ExportFormatException(row.source(), row.line(), column, value, message);
        }
        count++;
        if (first.size() < KEPT) {
            first.add(new Entry(row.line(), column, shortened(value), message));
        }
        String trimmed = Cells.trim(value);
        if (!trimmed.isEmpty() && trimmed.length() <= MAX_VALUE_LENGTH) {
            Occurrences known = values.get(trimmed);
            if (known == null && values.size() < COUNTED_VALUES) {
                known = new Occurrences(column, row.line());
                values.put(trimmed, known);
            }
            if (known != null) {
                known.count++;
            }
        }
    }

    private static String shortened(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
    }

    /** Records a ragged CSV record as one invalid cell: the first missing column, or the first extra cell. */
    void addRagged(ExportRow row, List<String> header) {
        int fields = row.fields();
        String column = fields < header.size() ? header.get(fields) : "#" + (header.size() + 1);
        add(row, column, "", "the record has " + fields + (fields == 1 ? " cell" : " cells") + " but the header has "
                + header.size() + ", expected one cell per column; the row is left out");
    }

    /** Appends the invalid cells of the part that follows this one, whose lines count after {@code linesBefore}. */
    void append(InvalidCells later, long linesBefore) {
        count += later.count;
        for (Entry e : later.first) {
            if (first.size() == KEPT) {
                break;
            }
            first.add(new Entry(e.line() + linesBefore, e.column(), e.value(), e.message()));
        }
        later.values.forEach((value, theirs) -> {
            Occurrences mine = values.get(value);
            if (mine == null && values.size() < COUNTED_VALUES) {
                mine = new Occurrences(theirs.column, theirs.firstLine + linesBefore);
                values.put(value, mine);
            }
            if (mine != null) {
                mine.count += theirs.count;
            }
        });
    }

    long count() {
        return count;
    }

    List<Entry> first() {
        return first;
    }

    /** The most common invalid value (trimmed; the first met on a tie), or {@code null} when there is none. */
    Map.@Nullable Entry<String, Occurrences> mostCommon() {
        Map.Entry<String, Occurrences> best = null;
        for (Map.Entry<String, Occurrences> entry : values.entrySet()) {
            if (best == null || entry.getValue().count > best.getValue().count) {
                best = entry;
            }
        }
        return best;
    }
}
