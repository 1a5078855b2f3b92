package dev.feedbackloop.scoring.export;

import dev.feedbackloop.scoring.internal.Cells;
import dev.feedbackloop.scoring.internal.TimestampParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of a CSV or JSON Lines export: it hands every record to a callback, one at a time, through the
 * columns the caller selects, and keeps nothing of a record once the callback returns.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (ExportReader reader = ExportReader.open(path, ExportFormat.CSV, List.of("NA"))) {
 *     NpsTally tally = new NpsTally();
 *     reader.read(List.of("nps"), row -> {
 *         int rating = row.integer(0);
 *         if (rating != ExportRow.BLANK && rating >= 0 && rating <= 10) {
 *             tally.add(rating);
 *         }
 *     });
 * }
 * }</pre>
 *
 * <p>Files are read as people have them: gzip-compressed input is decompressed on the fly, whatever its name; text
 * is UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark. Other compressed formats (ZIP, bzip2,
 * xz, ...), spreadsheets, UTF-16 without a byte-order mark, UTF-32 and bytes that are not UTF-8 are refused with an
 * {@link ExportFormatException} that says what the input is and how to convert it, naming the line of the first bad
 * byte.
 *
 * <p>CSV follows RFC 4180 (quoted cells with commas, doubled quotes and line breaks; {@code \n}, {@code \r\n} or
 * {@code \r} line ends) and starts with a header row. The delimiter is a comma, semicolon, tab or bar: given to the
 * {@linkplain #builder builder}, or else detected from the header line (the most frequent of the four outside
 * quotes, comma on a tie; see {@link #delimiter()}). Empty lines are skipped. A record with fewer
 * cells than the header reads the missing cells as blank and one with more ignores the extra ones; both are
 * {@linkplain ExportRow#ragged() ragged}, so the caller can report them. Text after a closing quote is kept as written
 * ({@code "ab"c} reads {@code abc}). JSON Lines holds one JSON object per line; field names are columns.
 *
 * <p>Memory does not grow with the number of records: the CSV reader holds one buffer of about 1 MiB (more only for
 * a single record longer than that, up to 8 MiB).
 *
 * <p>Not thread-safe; {@link #read} or {@link #collect} may be called once.
 */
public final class ExportReader implements AutoCloseable {

    /** Below this many bytes of records, {@link #collect} reads in one part. */
    private static final long MIN_PART_BYTES = 4L << 20;
    /** How far past a split point {@link #collect} looks for a line break before it gives up that split. */
    private static final int SPLIT_SEARCH_BYTES = 1 << 20;

    private final RowSource rows;
    private final String source;
    private final ExportFormat format;
    private @Nullable Path file;
    private boolean used;

    private ExportReader(RowSource rows, String source, ExportFormat format) {
        this.rows = rows;
        this.source = source;
        this.format = format;
    }

    /**
     * Starts to describe a reader for exports of a format; the builder then opens a file or reads a stream.
     *
     * @param format the format
     * @return a builder with no missing-value markers and, for CSV, a delimiter detected from the header line
     */
    public static Builder builder(ExportFormat format) {
        return new Builder(format);
    }

    /**
     * Opens a file; a CSV file's header is read at once, its delimiter detected from it.
     *
     * @param file the file
     * @param format its format
     * @param naMarkers the missing-value markers (compared after trimming), possibly empty
     * @return the reader, which the caller closes
     * @throws IOException if the file cannot be opened
     * @throws ExportFormatException if a CSV file has no header row
     */
    public static ExportReader open(Path file, ExportFormat format, Collection<String> naMarkers) throws IOException {
        return builder(format).naMarkers(naMarkers).open(file);
    }

    /**
     * Reads a stream, such as standard input; a CSV stream's header is read at once, its delimiter detected from it.
     *
     * @param in the stream, closed by {@link #close()}
     * @param source the name used in error messages, e.g. a file name or {@code "-"}
     * @param format its format
     * @param naMarkers the missing-value markers (compared after trimming), possibly empty
     * @return the reader
     * @throws ExportFormatException if a CSV stream has no header row
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static ExportReader of(InputStream in, String source, ExportFormat format, Collection<String> naMarkers) {
        return builder(format).naMarkers(naMarkers).of(in, source);
    }

    /**
     * How to read an export: its format, missing-value markers and CSV delimiter. Not thread-safe; each
     * {@link #open} or {@link #of} makes an independent reader.
     */
    public static final class Builder {

        private final ExportFormat format;
        private List<String> naMarkers = List.of();
        private char delimiter;

        private Builder(ExportFormat format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        /**
         * Sets the missing-value markers: a cell equal to one after trimming is blank.
         *
         * @param markers the markers, possibly empty
         * @return this builder
         */
        public Builder naMarkers(Collection<String> markers) {
            this.naMarkers = List.copyOf(markers);
            return this;
        }

        /**
         * Sets the CSV delimiter instead of detecting it from the header line. Ignored for JSON Lines.
         *
         * @param delimiter one of {@code ,} {@code ;} {@code |} or a tab
         * @return this builder
         * @throws IllegalArgumentException if the delimiter is none of those
         */
        public Builder delimiter(char delimiter) {
            if (delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != '|') {
                throw new IllegalArgumentException("delimiter: '" + Cells.printable(String.valueOf(delimiter))
                        + "' is not a CSV delimiter, expected one of , ; | or a tab");
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Opens a file; a CSV file's header is read at once. A large plain CSV file can be read in parallel parts
         * ({@link ExportReader#collect}); compressed and UTF-16 files are read in one part.
         *
         * @param file the file
         * @return the reader, which the caller closes
         * @throws IOException if the file cannot be opened
         * @throws ExportFormatException if the file is not CSV or JSON Lines text (see the type description), or a
         *     CSV file has no header row
         * @throws UncheckedIOException if the file cannot be read
         */
        public ExportReader open(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            try {
                ExportInput input = ExportInput.of(in, file.toString());
                ExportReader reader = of(input, file.toString());
                if (input.raw() && Files.isRegularFile(file)) {
                    reader.file = file;
                }
                return reader;
            } catch (RuntimeException e) {
                in.close();
                throw e;
            }
        }

        /**
         * Reads a stream, such as standard input; a CSV stream's header is read at once.
         *
         * @param in the stream, closed by {@link ExportReader#close()}
         * @param source the name used in error messages, e.g. a file name or {@code "-"}
         * @return the reader
         * @throws ExportFormatException if the stream is not CSV or JSON Lines text (see the type description), or
         *     a CSV stream has no header row
         * @throws UncheckedIOException if the stream cannot be read
         */
        public ExportReader of(InputStream in, String source) {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(source, "source");
            return of(ExportInput.of(in, source), source);
        }

        private ExportReader of(ExportInput input, String source) {
            NaMarkers na = NaMarkers.of(naMarkers);
            switch (format) {
                case CSV:
                    return new ExportReader(new CsvSource(input.stream(), source, na, delimiter, input.gzipped()),
                            source, format);
                case JSON_LINES:
                    return new ExportReader(new JsonLinesSource(
                            new CheckedTextStream(input.stream(), source, input.gzipped()), source, na),
                            source, format);
                default:
                    throw new AssertionError(format);
            }
        }
    }

    /**
     * Reads a timestamp written outside an export, such as an option on a command line, exactly as a timestamp
     * cell is read (see {@link ExportRow} for the forms).
     *
     * @param text the timestamp, spaces and tabs around it ignored
     * @param zone the zone in which a local date or date-time is read
     * @return the instant
     * @throws DateTimeException if the text is not one of the forms, or names a date or time that does not exist
     *     (such as {@code 2024-02-30})
     */
    public static Instant parseTimestamp(CharSequence text, ZoneId zone) {
        Objects.requireNonNull(text, "text");
        return TimestampParser.of(zone).parse(text);
    }

    /**
     * The name of the source, as used in error messages.
     *
     * @return the file name or the name given
     */
    public String source() {
        return source;
    }

    /**
     * The format being read.
     *
     * @return the format
     */
    public ExportFormat format() {
        return format;
    }

    /**
     * The delimiter of a CSV export: the one given to the builder, or else the one detected from the header line.
     *
     * @return {@code ,} {@code ;} {@code |} or a tab; {@code '\0'} for JSON Lines, which has none
     */
    public char delimiter() {
        return rows instanceof CsvSource ? ((CsvSource) rows).delimiter() : '\0';
    }

    /**
     * The column names known before reading: a CSV file's header; empty for JSON Lines, whose columns are the field
     * names of its objects.
     *
     * @return the header, unmodifiable
     */
    public List<String> header() {
        return rows.header();
    }

    /**
     * Reads every record, handing each to {@code handler} as a row whose cells are the {@code columns}, in that
     * order. Column names match exactly (case-sensitive) and may repeat.
     *
     * @param columns the columns the handler reads, by name
     * @param handler called once per data record, in file order; the row is valid only during the call
     * @return the number of data records read (the CSV header is not one)
     * @throws ExportFormatException if a column is unknown (for CSV before any record is read; for JSON Lines, where a
     *     column is known once any object has that field, after the last record), if the input is malformed, or if
     *     the handler throws it
     * @throws UncheckedIOException if the input cannot be read
     * @throws IllegalStateException if called a second time
     */
    public long read(List<String> columns, Consumer<? super ExportRow> handler) {
        if (used) {
            throw new IllegalStateException(source + ": read was already called, expected one read per reader");
        }
        used = true;
        return rows.read(List.copyOf(columns), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Reads every record like {@link #read}, splitting a large CSV file into parts that up to {@code parallelism}
     * threads read at once, each into its own container; the containers are then merged in file order.
     *
     * <p>The calling thread reads the first part and merges; every other part gets a thread of its own. A part starts
     * at the first line break after an even split point, on the guess that this break ends a record. A quoted cell
     * with line breaks can make the guess wrong; the reader notices (the part before does not end exactly where the
     * next begins), discards that part and reads its bytes again from the true record boundary, so the result is
     * always that of one sequential read. Standard input, JSON Lines, files under a few MiB and a
     * {@code parallelism} of 1 are read in one part on the calling thread.
     *
     * <p>In every part but the first, rows count {@linkplain ExportRow#line() lines} and
     * {@linkplain ExportRow#number() numbers} from the part's start; {@code merger} receives the counts to add.
     * Exceptions follow file order: the one that a sequential read would have met first is thrown, and an
     * {@link ExportFormatException} from a later part is rethrown with its line counted from the start of the file.
     * Memory is about 1 MiB per part besides the containers.
     *
     * @param <A> the container type
     * @param columns the columns the accumulator reads, by name
     * @param parallelism the most parts to read at once, at least 1 (typically the number of processors)
     * @param supplier makes an empty container for a part; called on the thread that reads the part
     * @param accumulator adds a row to its part's container; the row is valid only during the call
     * @param merger merges a part's container into the containers before it, on the calling thread
     * @return the merged container
     * @throws ExportFormatException if a column is unknown, if the input is malformed, or if the accumulator throws
     *     it
     * @throws UncheckedIOException if the input cannot be read
     * @throws IllegalArgumentException if {@code parallelism} is less than 1
     * @throws IllegalStateException if a read was already started
     */
    public <A> A collect(List<String> columns, int parallelism, Supplier<A> supplier,
            BiConsumer<A, ExportRow> accumulator, PartMerger<A> merger) {
        return collect(columns, parallelism, supplier, accumulator, merger, MIN_PART_BYTES, SPLIT_SEARCH_BYTES);
    }

    /** {@link #collect} with the part size and split search distance chosen, so that tests can split small files. */
    <A> A collect(List<String> columns, int parallelism, Supplier<A> supplier, BiConsumer<A, ExportRow> accumulator,
            PartMerger<A> merger, long minPartBytes, int splitSearchBytes) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: " + parallelism + " is less than 1, expected 1 or more");
        }
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(accumulator, "accumulator");
        Objects.requireNonNull(merger, "merger");
        if (used) {
            throw new IllegalStateException(source + ": read was already called, expected one read per reader");
        }
        used = true;
        List<String> selected = List.copyOf(columns);
        Path path = file;
        if (parallelism > 1 && path != null && rows instanceof CsvSource) {
            return new PartedRead<>(path, (CsvSource) rows, source, selected, supplier, accumulator, merger)
                    .run(parallelism, minPartBytes, splitSearchBytes);
        }
        A container = supplier.get();
        rows.read(selected, row -> accumulator.accept(container, row));
        return container;
    }

    /**
     * Closes the underlying stream.
     *
     * @throws UncheckedIOException if closing fails
     */
    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot close: " + e.getMessage(), e);
        }
    }
}
