package dev.feedbackloop.scoring.export;

import dev.feedbackloop.scoring.internal.TimestampParser;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

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
    /** The parser of the zone last asked for; a row is read on one thread, so one parser serves it. */
    private @Nullable TimestampParser timestamps;

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

    /** The timestamp parser for a zone, made again only when the zone changes. */
    final TimestampParser timestamps(ZoneId zone) {
        TimestampParser parser = timestamps;
        if (parser == null || parser.zone() != zone && !parser.zone().equals(zone)) {
            parser = TimestampParser.of(zone);
            timestamps = parser;
        }
        return parser;
    }

    /** The exception for a cell that is neither blank nor a timestamp, for the caller to throw. */
    final ExportFormatException notATimestamp(int column) {
        return error(column, "not a timestamp, expected an ISO-8601 date (2024-03-05), local date-time"
                + " (2024-03-05T10:15:30, 2024-03-05 10:15) or offset date-time (2024-03-05T10:15:30Z)");
    }
}
