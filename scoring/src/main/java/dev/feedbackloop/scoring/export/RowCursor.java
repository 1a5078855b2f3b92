package dev.feedbackloop.scoring.export;

/**
 * What the CSV and JSON Lines readers share as the {@link ExportRow} they reuse for every record: the source name,
 * the selected column names, and the position of the current record. The readers set the fields as they read; the
 * accessors here only return them, so a row costs the same with this base as without it.
 */
abstract class RowCursor implements ExportRow {

    final String source;
    String[] slotNames = new String[0];
    int fieldCount;
    long line;
    long number;

    RowCursor(String source) {
        this.source = source;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final long line() {
        return line;
    }

    @Override
    public final long number() {
        return number;
    }

    @Override
    public final String columnName(int column) {
        return slotNames[column];
    }

    @Override
    public final int fields() {
        return fieldCount;
    }

    /** The exception for a cell that is neither blank nor a timestamp, for the caller to throw. */
    final ExportFormatException notATimestamp(int column) {
        return error(column, "not a timestamp, expected an ISO-8601 date (2024-03-05), local date-time"
                + " (2024-03-05T10:15:30, 2024-03-05 10:15) or offset date-time (2024-03-05T10:15:30Z)");
    }
}
