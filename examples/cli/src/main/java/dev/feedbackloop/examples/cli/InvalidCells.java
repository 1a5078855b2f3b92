package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.export.ExportFormatException;
import dev.feedbackloop.scoring.export.ExportRow;
import java.util.ArrayList;
import java.util.List;

/** The invalid cells of a run: their count and the first {@value #KEPT}, in file order. */
final class InvalidCells {

    static final int KEPT = 100;

    /** One invalid cell as reported in {@code input.errors}. */
    record Entry(long line, String column, String value, String message) {
    }

    private final boolean strict;
    private final List<Entry> first = new ArrayList<>();
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
            first.add(new Entry(row.line(), column, value, message));
        }
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
    }

    long count() {
        return count;
    }

    List<Entry> first() {
        return first;
    }
}
