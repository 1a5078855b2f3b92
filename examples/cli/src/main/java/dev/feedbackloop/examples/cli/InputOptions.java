package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.export.ExportFormat;
import dev.feedbackloop.scoring.export.ExportFormatException;
import dev.feedbackloop.scoring.export.ExportReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input and output options that {@code score} and {@code loop} share. */
final class InputOptions {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The export: CSV (.csv, .tsv) or JSON Lines (.jsonl, .ndjson), optionally gzipped (.gz);"
                    + " '-' reads standard input.")
    String file;

    @Option(names = "--by", paramLabel = "COL",
            description = "A segment column; repeatable, groups by all of them in this order.")
    List<String> by = new ArrayList<>();

    @Option(names = "--period", paramLabel = "P", converter = Converters.PeriodConverter.class,
            description = "day, week, month, quarter or year.")
    @Nullable Period period;

    @Option(names = "--zone", paramLabel = "Z", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "The time zone of local timestamps and periods (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--output", paramLabel = "O", defaultValue = "table",
            converter = Converters.OutputConverter.class,
            description = "table (for people), json, csv (for spreadsheets) or markdown (default: ${DEFAULT-VALUE}).")
    Converters.Output output;

    @Option(names = "--strict", description = "The first invalid cell is an error (exit 2).")
    boolean strict;

    @Option(names = "--na", paramLabel = "M", description = "A missing-value marker, e.g. NA; repeatable.")
    List<String> na = new ArrayList<>();

    @Option(names = "--format", paramLabel = "csv|jsonl", converter = Converters.FormatConverter.class,
            description = "The format of FILE (default: from its name; required for '-').")
    @Nullable ExportFormat format;

    @Option(names = "--delimiter", paramLabel = "C", converter = Converters.DelimiterConverter.class,
            description = "The CSV delimiter: , ; | or tab (default: tab for .tsv, otherwise the most frequent of"
                    + " them in the header line).")
    @Nullable Character delimiter;

    /** What the run should tell about how it read the file, once it has read it; null when nothing. */
    private @Nullable String delimiterNote;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that read a large CSV file in parts (default: the number of processors).")
    @Nullable Integer threads;

    /** The parallelism of the read: --threads, or the number of processors. */
    int threads() {
        if (threads != null && threads < 1) {
            throw new InputException("--threads: " + threads + " is less than 1, expected 1 or more");
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The export's name in messages. */
    String source() {
        return file;
    }

    /**
     * Opens the export. A missing, unreadable or unnamed file, a directory, or an unknown format is an
     * {@link InputException}. A delimiter detected from the header rather than given is noted for
     * {@link #printNotes}.
     */
    ExportReader open(InputStream stdin) {
        ExportFormat chosen;
        InputStream in;
        Path path = null;
        if ("-".equals(file)) {
            if (format == null) {
                throw new InputException("-: --format csv|jsonl is required when reading standard input");
            }
            chosen = format;
            in = stdin;
        } else {
            path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new InputException(file + ": is a directory, expected a CSV or JSON Lines file");
            }
            if (!Files.exists(path)) {
                throw new InputException(file + ": no such file");
            }
            Path named = path;
            chosen = format != null ? format : ExportFormat.findByFileName(file).orElseGet(() -> unknownFormat(named));
            in = null;
        }
        if (delimiter != null && chosen != ExportFormat.CSV) {
            throw new InputException(file + ": --delimiter applies to CSV only, and this is read as JSON Lines");
        }
        Character given = delimiter != null ? delimiter
                : chosen == ExportFormat.CSV && ExportFormat.isTabSeparatedName(file) ? Character.valueOf('\t') : null;
        ExportReader.Builder builder = ExportReader.builder(chosen).naMarkers(na);
        if (given != null) {
            builder.delimiter(given);
        }
        ExportReader reader;
        if (path == null) {
            reader = builder.of(in, "-");
        } else {
            try {
                reader = builder.open(path);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        if (given == null && chosen == ExportFormat.CSV && reader.delimiter() != ',') {
            delimiterNote = file + ": the header line is separated by " + describe(reader.delimiter())
                    + ", so that is the delimiter (--delimiter chooses another)";
        }
        return reader;
    }

    /**
     * Throws for a file whose name says no format: what its content is when that is a format never read (a ZIP or
     * bzip2 file, a spreadsheet), otherwise that the name says nothing.
     */
    private ExportFormat unknownFormat(Path path) {
        try (ExportReader probe = ExportReader.builder(ExportFormat.CSV).open(path)) {
            probe.header();
        } catch (ExportFormatException e) {
            if (e.line() == 0) {
                throw e;
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        throw new InputException(file + ": cannot tell the format from the file name, expected a name ending in"
                + " .csv, .tsv, .jsonl or .ndjson (optionally .gz), or --format csv|jsonl");
    }

    /**
     * Prints what the read decided on its own, after a successful run (a failed run prints its one error line only):
     * a delimiter detected from the header.
     */
    void printNotes(PrintWriter err) {
        if (delimiterNote != null) {
            err.println(FeedbackLoopCommand.oneLine(delimiterNote));
            err.flush();
        }
    }

    /** The message for a file that exists but cannot be opened. */
    static InputException unreadable(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file + ": no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file + ": cannot be read (permission denied)");
        }
        return new InputException(file + ": cannot be read: " + e.getMessage());
    }

    /** A delimiter as people name it: {@code ';'} or "tabs". */
    static String describe(char delimiter) {
        return delimiter == '\t' ? "tabs" : "'" + delimiter + "'";
    }
}
