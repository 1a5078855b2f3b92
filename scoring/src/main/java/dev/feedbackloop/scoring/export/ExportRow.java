package dev.feedbackloop.scoring.export;

import dev.feedbackloop.scoring.internal.Cells;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The record an {@link ExportReader} is positioned on, seen through the columns the caller selected.
 *
 * <p>Cells are addressed by their index in the column list given to {@link ExportReader#read}, not by their position
 * in the file. A cell is <em>blank</em> when it is missing from the record, empty, only spaces and tabs, JSON
 * {@code null}, or equal to a missing-value marker after trimming.
 *
 * <p>A <em>rating</em> cell holds an integer with an optional sign and an optional fraction of zeros ({@code 9},
 * {@code 9.0}, {@code +9} and {@code " 9 "} all read 9), as spreadsheets and data-frame libraries write them; see
 * {@link #integer(int)}. A <em>timestamp</em> cell holds an ISO-8601 date ({@code 2024-03-05}, the start of that
 * day), a local date-time ({@code 2024-03-05T10:15:30}, also with a space instead of {@code T}, seconds optional,
 * fractions allowed) or an offset or zoned date-time ({@code 2024-03-05T10:15:30Z},
 * {@code 2024-03-05T10:15:30+01:00[Europe/Paris]}); local values are read in the zone the caller passes (a time in
 * a daylight-saving gap moves forward by the gap, an ambiguous time takes the earlier offset), and a value's own
 * offset wins over it. The common forms are read without creating objects.
 *
 * <p>A row is a cursor: the reader reuses one instance for every record, so it is valid only during the callback
 * that receives it and must not be kept. Not thread-safe. Implemented by the readers of this package only.
 */
public interface ExportRow {

    /** What {@link #epochSecond(int, ZoneId)} and {@link #epochMilli(int, ZoneId)} return for a blank cell. */
    long NO_TIME = Long.MIN_VALUE;

    /** What {@link #integer(int)} returns for a blank cell. */
    int BLANK = Cells.BLANK;

    /** What {@link #integer(int)} returns for a cell that is neither blank nor an integer. */
    int NOT_AN_INTEGER = Cells.NOT_AN_INTEGER;

    /**
     * The name of the source, a file name or {@code "-"} for standard input.
     *
     * @return the source name
     */
    String source();

    /**
     * The physical line (1-based) where this record starts; in CSV the header is line 1, and a quoted cell with line
     * breaks makes later records start further down.
     *
     * @return the line number
     */
    long line();

    /**
     * The position of this record among the data rows, 1-based (the CSV header is not a data row).
     *
     * @return the row number
     */
    long number();

    /**
     * The name of a selected column.
     *
     * @param column the index in the selected columns
     * @return the column name
     */
    String columnName(int column);

    /**
     * The number of fields in this record: for CSV the number of cells on the record, for JSON Lines the number of
     * fields of the object.
     *
     * @return the field count
     */
    int fields();

    /**
     * Tells whether this CSV record has a different number of cells than the header. Cells missing from a short
     * record are blank; cells beyond the header are ignored. Always {@code false} for JSON Lines.
     *
     * @return whether the record is ragged
     */
    boolean ragged();

    /**
     * Tells whether a cell is blank (see the type description).
     *
     * @param column the index in the selected columns
     * @return whether the cell is blank
     */
    boolean isBlank(int column);

    /**
     * The text of a cell as written, with CSV quoting removed; a JSON number as its literal, a JSON boolean as
     * {@code true} or {@code false}; the empty string for a missing cell or JSON {@code null}.
     *
     * @param column the index in the selected columns
     * @return the cell text
     */
    String text(int column);

    /**
     * The value of a segment cell: {@code null} when the cell is blank, its {@linkplain #text(int) text} otherwise.
     * Repeated values may be returned as the same {@code String} instance.
     *
     * @param column the index in the selected columns
     * @return the value, or {@code null} when blank
     */
    @Nullable String value(int column);

    /**
     * Reads a cell as an integer rating: an optional {@code +} or {@code -}, one or more digits, and optionally a
     * {@code .} followed by one or more zeros, with spaces and tabs around it ignored, after the missing-value markers
     * are applied. A value whose magnitude exceeds 10<sup>9</sup> saturates at &plusmn;10<sup>9</sup>, which lies off
     * every rating scale; the scale check is the caller's.
     *
     * @param column the index in the selected columns
     * @return the integer, {@link #BLANK} for a blank cell, or {@link #NOT_AN_INTEGER} for any other text (such as
     *     {@code 4.5}, {@code 9.}, {@code abc} or {@code 1e3})
     */
    int integer(int column);

    /**
     * Reads a cell as a timestamp (see the type description for the forms).
     *
     * @param column the index in the selected columns
     * @param zone the zone in which local dates and date-times are read
     * @return the instant, or {@code null} when the cell is blank
     * @throws ExportFormatException if the cell is not blank and not a timestamp, naming source, line, column and value
     */
    @Nullable Instant instant(int column, ZoneId zone);

    /**
     * Numbers the value of a segment cell without decoding it: {@code -1} when the cell is blank, otherwise 0, 1, 2,
     * … for the distinct values of this column in the order this reader first met them, so that equal values get
     * equal numbers. {@link #value(int)} gives the value itself, typically called once per new number. In
     * {@link ExportReader#collect} each part numbers its values on its own.
     *
     * @param column the index in the selected columns
     * @return the number of the value, or -1 when blank
     */
    int valueId(int column);

    /**
     * Reads a cell as a timestamp, like {@link #instant(int, ZoneId)}, but returns only its epoch second (rounded
     * down), which the common forms yield without creating objects.
     *
     * @param column the index in the selected columns
     * @param zone the zone in which local dates and date-times are read
     * @return the epoch second, or {@link #NO_TIME} when the cell is blank
     * @throws ExportFormatException if the cell is not blank and not a timestamp, naming source, line, column and value
     */
    default long epochSecond(int column, ZoneId zone) {
        Instant at = instant(column, zone);
        return at == null ? NO_TIME : at.getEpochSecond();
    }

    /**
     * Reads a cell as a timestamp, like {@link #instant(int, ZoneId)}, but returns only its epoch millisecond (finer
     * parts dropped, rounding down as {@link Instant#toEpochMilli()} does), which the common forms yield without
     * creating objects.
     *
     * @param column the index in the selected columns
     * @param zone the zone in which local dates and date-times are read
     * @return the milliseconds since 1970-01-01T00:00:00Z, or {@link #NO_TIME} when the cell is blank
     * @throws ExportFormatException if the cell is not blank and not a timestamp, naming source, line, column and value
     * @throws ArithmeticException if the instant does not fit in a {@code long} of milliseconds
     */
    default long epochMilli(int column, ZoneId zone) {
        Instant at = instant(column, zone);
        return at == null ? NO_TIME : at.toEpochMilli();
    }

    /**
     * Creates the exception for an unusable cell of this row, with this row's source and line.
     *
     * @param column the index in the selected columns
     * @param problem what is wrong and what was expected
     * @return the exception, for the caller to throw
     */
    default ExportFormatException error(int column, String problem) {
        return new ExportFormatException(source(), line(), columnName(column), text(column), problem);
    }
}
