package dev.feedbackloop.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.Period;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Shared pieces of the JSON and table reports. */
final class Reports {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Reports() {
    }

    /** Writes one JSON document to a string with the given body, so that nothing partial reaches standard output. */
    static String json(JsonBody body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + System.lineSeparator();
    }

    /** Writes part of a JSON document. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    static void input(JsonGenerator json, long rows, InvalidCells invalid) throws IOException {
        json.writeObjectFieldStart("input");
        json.writeNumberField("rows", rows);
        json.writeNumberField("invalid", invalid.count());
        json.writeArrayFieldStart("errors");
        for (InvalidCells.Entry e : invalid.first()) {
            json.writeStartObject();
            json.writeNumberField("line", e.line());
            json.writeStringField("column", e.column());
            json.writeStringField("value", e.value());
            json.writeStringField("message", e.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void interval(JsonGenerator json, String name, Interval ci) throws IOException {
        json.writeArrayFieldStart(name);
        json.writeNumber(ci.lower());
        json.writeNumber(ci.upper());
        json.writeEndArray();
    }

    /** Writes the "segment" and "period" fields of a group, as far as they apply. */
    static void groupKey(JsonGenerator json, GroupKey key, List<String> by, @Nullable Period period)
            throws IOException {
        if (!by.isEmpty()) {
            json.writeObjectFieldStart("segment");
            for (int i = 0; i < by.size(); i++) {
                String value = key.segment(i);
                if (value == null) {
                    json.writeNullField(by.get(i));
                } else {
                    json.writeStringField(by.get(i), value);
                }
            }
            json.writeEndObject();
        }
        if (period != null) {
            if (key.period() == GroupKey.NO_PERIOD) {
                json.writeNullField("period");
            } else {
                json.writeStringField("period", period.label(key.period()));
            }
        }
    }

    /** The label cells of a group in a table: its segment values, then its period. */
    static List<String> labels(GroupKey key, List<String> by, @Nullable Period period) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            String value = key.segment(i);
            cells.add(value == null ? "(blank)" : value);
        }
        if (period != null) {
            cells.add(key.period() == GroupKey.NO_PERIOD ? "(no date)" : period.label(key.period()));
        }
        return cells;
    }

    /** The label cells of a group in CSV: its segment values, then its period; {@code null} for blank. */
    static List<@Nullable String> csvLabels(GroupKey key, List<String> by, @Nullable Period period) {
        List<@Nullable String> cells = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            cells.add(key.segment(i));
        }
        if (period != null) {
            cells.add(key.period() == GroupKey.NO_PERIOD ? null : period.label(key.period()));
        }
        return cells;
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A 95% interval for people: {@code [low, high]}, both rounded to {@code decimals}. */
    static String interval(Interval ci, int decimals) {
        return "[" + number(ci.lower(), decimals) + ", " + number(ci.upper(), decimals) + "]";
    }

    /** A number in CSV: unrounded, as in JSON. */
    static String csvNumber(double value) {
        return Double.toString(value);
    }

    /** How many invalid cells the table and CSV outputs print on standard error. */
    static final int LISTED_INVALID = 10;

    /** Prints the invalid cells on standard error: the count and the first few. */
    static void invalidSummary(PrintWriter err, InvalidCells invalid, String source) {
        if (invalid.count() == 0) {
            return;
        }
        err.println(FeedbackLoopCommand.oneLine(source + ": " + invalid.count() + " invalid "
                + (invalid.count() == 1 ? "cell was" : "cells were") + " left out"
                + (invalid.count() > LISTED_INVALID ? "; the first " + LISTED_INVALID
                + " (--output json lists " + InvalidCells.KEPT + "):" : ":")));
        invalid.first().stream().limit(LISTED_INVALID).forEach(e -> err.println("  " + FeedbackLoopCommand.oneLine(
                source + ":" + e.line() + ": column \"" + e.column() + "\": value \"" + e.value() + "\": "
                        + e.message())));
    }

    /** Breaks text into lines of at most {@code width} characters at spaces. */
    static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                sb.append(System.lineSeparator());
                lineLength = 0;
            } else if (lineLength > 0) {
                sb.append(' ');
                lineLength++;
            }
            sb.append(word);
            lineLength += word.length();
        }
        return sb.toString();
    }
}
