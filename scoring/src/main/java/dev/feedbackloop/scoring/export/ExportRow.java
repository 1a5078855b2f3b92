package dev.feedbackloop.scoring.export;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The record an {@link ExportReader} is positioned on, seen through the columns the caller selected.
 *
 * <p>Cells are addressed by their index in the column list given to {@link ExportReader#read}, not by their position
 * in the file. A cell is <em>blank</em> when it is missing from the record, empty, only spaces and tabs, JSON
 * {@code null}, or equal to a missing-value marker after trimming.
 *
 * <p>A row is a cursor: the reader reuses one instance for every record, so it is valid only during the callback
 * that receives it and must not be kept. Not thread-safe. Implemented by the readers of this package only.
 */
public interface ExportRow {

    /** What {@link #epochSecond(int, TimestampParser)} returns for a blank cell. */
    long NO_TIME = Long.MIN_VALUE;

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
     * Reads a cell as an integer rating with {@link Cells#parseInteger(CharSequence)}, after the missing-value
     * markers are applied.
     *
     * @param column the index in the selected columns
     * @return the integer, {@link Cells#BLANK} or {@link Cells#NOT_AN_INTEGER}
     */
    int integer(int column);

    /**
     * Reads a cell as a timestamp.
     *
     * @param column the index in the selected columns
     * @param parser the parser, which fixes the zone of local values
     * @return the instant, or {@code null} when the cell is blank
     * @throws ExportFormatException if the cell is not blank and not a timestamp, naming source, line, column and value
     */
    @Nullable Instant instant(int column, TimestampParser parser);

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
     * Reads a cell as a timestamp, like {@link #instant(int, TimestampParser)}, but returns only its epoch second
     * (rounded down), which the common forms yield without creating objects.
     *
     * @param column the index in the selected columns
     * @param parser the parser, which fixes the zone of local values
     * @return the epoch second, or {@link #NO_TIME} when the cell is blank
     * @throws ExportFormatException if the cell is not blank and not a timestamp, naming source, line, column and value
     */
    default long epochSecond(int column, TimestampParser parser) {
        Instant at = instant(column, parser);
        return at == null ? NO_TIME : at.getEpochSecond();
    }

    /**
     * Reads a cell as a timestamp, like {@link #instant(int, TimestampParser)}, but returns only its epoch
     * millisecond (finer parts dropped, rounding down as {@link Instant#toEpochMilli()} does), which the common forms
     * yield without creating objects.
     *
     * @param column the index in the selected columns
     * @param parser the parser, which fixes the zone of local values
     * @return the milliseconds since 1970-01-01T00:00:00Z, or {@link #NO_TIME} when the cell is blank
     * @throws ExportFormatException if the cell is not blank and not a timestamp, naming source, line, column and value
     * @throws ArithmeticException if the instant does not fit in a {@code long} of milliseconds
     */
    default long epochMilli(int column, TimestampParser parser) {
        Instant at = instant(column, parser);
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
