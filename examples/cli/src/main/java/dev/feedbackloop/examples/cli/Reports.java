package dev.feedbackloop.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.feedbackloop.scoring.Interval;
import dev.feedbackloop.scoring.Period;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
        java.util.ArrayList<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            String value = key.segment(i);
            cells.add(value == null ? "(blank)" : value);
        }
        if (period != null) {
            cells.add(key.period() == GroupKey.NO_PERIOD ? "(no date)" : period.label(key.period()));
        }
        return cells;
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Prints the invalid cells under a table: the count and the first few. */
    static void invalidSummary(PrintWriter out, InvalidCells invalid, String source) {
        if (invalid.count() == 0) {
            return;
        }
        out.println();
        out.println(invalid.count() + " invalid " + (invalid.count() == 1 ? "cell was" : "cells were")
                + " left out" + (invalid.count() > 10 ? "; the first 10:" : ":"));
        invalid.first().stream().limit(10).forEach(e -> out.println("  " + source + ":" + e.line() + ": column \""
                + e.column() + "\": value \"" + FeedbackLoopCommand.oneLine(e.value()) + "\": " + e.message()));
    }
}
