package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.export.ExportFormat;
import dev.feedbackloop.scoring.export.ExportReader;
import java.io.IOException;
import java.io.InputStream;
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
            description = "The export: CSV (.csv) or JSON Lines (.jsonl, .ndjson); '-' reads standard input.")
    @SuppressWarnings("NullAway.Init")
    String file;

    @Option(names = "--format", paramLabel = "csv|jsonl", converter = Converters.FormatConverter.class,
            description = "The format of FILE (default: from its extension; required for '-').")
    @Nullable ExportFormat format;

    @Option(names = "--by", paramLabel = "COL",
            description = "A segment column; repeatable, groups by all of them in this order.")
    List<String> by = new ArrayList<>();

    @Option(names = "--period", paramLabel = "P", converter = Converters.PeriodConverter.class,
            description = "day, week, month, quarter or year.")
    @Nullable Period period;

    @Option(names = "--zone", paramLabel = "Z", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "The time zone of local timestamps and periods (default: ${DEFAULT-VALUE}).")
    @SuppressWarnings("NullAway.Init")
    ZoneId zone;

    @Option(names = "--output", paramLabel = "O", defaultValue = "table",
            converter = Converters.OutputConverter.class,
            description = "table (for people) or json (default: ${DEFAULT-VALUE}).")
    @SuppressWarnings("NullAway.Init")
    Converters.Output output;

    @Option(names = "--strict", description = "The first invalid cell is an error (exit 2).")
    boolean strict;

    @Option(names = "--na", paramLabel = "M", description = "A missing-value marker, e.g. NA; repeatable.")
    List<String> na = new ArrayList<>();

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

    /** Opens the export; a missing or unreadable file, or an unknown format, is an {@link InputException}. */
    ExportReader open(InputStream stdin) {
        if ("-".equals(file)) {
            if (format == null) {
                throw new InputException("-: --format csv|jsonl is required when reading standard input");
            }
            return ExportReader.of(stdin, "-", format, na);
        }
        Path path = Path.of(file);
        ExportFormat chosen = format != null ? format : ExportFormat.findByFileName(file).orElseThrow(
                () -> new InputException(file + ": cannot tell the format from the file name,"
                        + " expected a .csv, .jsonl or .ndjson file or --format csv|jsonl"));
        if (Files.isDirectory(path)) {
            throw new InputException(file + ": is a directory, expected a CSV or JSON Lines file");
        }
        try {
            return ExportReader.open(path, chosen, na);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": cannot be read (permission denied)");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read: " + e.getMessage());
        }
    }
}
