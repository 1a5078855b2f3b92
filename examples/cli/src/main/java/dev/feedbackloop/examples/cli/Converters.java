package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.export.ExportFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option converters; a failure becomes a one-line usage error (exit 2). */
final class Converters {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smhdw])");

    private Converters() {
    }

    /** How results are printed. */
    enum Output {
        /** Aligned columns for people. */
        TABLE,
        /** The JSON document of docs/cli.md. */
        JSON,
        /** One CSV row per group and one for all rows, unrounded, for spreadsheets. */
        CSV,
        /** The table as a Markdown table. */
        MARKDOWN
    }

    static final class OutputConverter implements ITypeConverter<Output> {
        @Override
        public Output convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "table":
                    return Output.TABLE;
                case "json":
                    return Output.JSON;
                case "csv":
                    return Output.CSV;
                case "markdown":
                case "md":
                    return Output.MARKDOWN;
                default:
                    throw new TypeConversionException("'" + value
                            + "' is not an output, expected table, json, csv or markdown");
            }
        }
    }

    static final class ListConverter implements ITypeConverter<LoopCommand.ListWhat> {
        @Override
        public LoopCommand.ListWhat convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "overdue":
                    return LoopCommand.ListWhat.OVERDUE;
                case "unresponded":
                    return LoopCommand.ListWhat.UNRESPONDED;
                default:
                    throw new TypeConversionException("'" + value + "' is not a list, expected overdue or unresponded");
            }
        }
    }

    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case ",":
                case "comma":
                    return ',';
                case ";":
                case "semicolon":
                    return ';';
                case "|":
                case "bar":
                case "pipe":
                    return '|';
                case "tab":
                case "\\t":
                case "\t":
                    return '\t';
                default:
                    throw new TypeConversionException("'" + value
                            + "' is not a delimiter, expected one of , ; | or tab");
            }
        }
    }

    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a time zone, expected an id such as UTC, Europe/Paris or +02:00");
            }
        }
    }

    static final class PeriodConverter implements ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            try {
                return Period.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a period, expected day, week, month, quarter or year");
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an export format, expected csv or jsonl");
            }
        }
    }

    static final class SlaConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseDuration(value);
        }
    }

    /** Reads {@code 48h}, {@code 2d}, {@code 90m}, {@code 30s}, {@code 1w}, {@code 1.5h} or ISO-8601 {@code PT48H}. */
    static Duration parseDuration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(text);
        Duration duration;
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long unitMillis;
            switch (m.group(2)) {
                case "s":
                    unitMillis = 1_000L;
                    break;
                case "m":
                    unitMillis = 60_000L;
                    break;
                case "h":
                    unitMillis = 3_600_000L;
                    break;
                case "d":
                    unitMillis = 86_400_000L;
                    break;
                case "w":
                    unitMillis = 604_800_000L;
                    break;
                default:
                    throw new AssertionError(m.group(2));
            }
            duration = Duration.ofMillis(Math.round(amount * unitMillis));
        } else {
            try {
                duration = Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a duration, expected e.g. 48h, 2d, 90m or ISO-8601 PT48H");
            }
        }
        if (duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is negative, expected a duration of zero or more");
        }
        try {
            duration.toMillis();
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is too long, expected at most about 290 million years");
        }
        return duration;
    }
}
