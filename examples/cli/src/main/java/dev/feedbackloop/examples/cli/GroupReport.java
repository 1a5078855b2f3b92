package dev.feedbackloop.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report that {@code score} and {@code loop} print once the export is read: the input summary, the overall
 * result, then one result per group in {@link GroupKey#ORDER}, as a JSON document or as a table. The command supplies
 * only what is its own: extra JSON fields, the fields of one result, the value columns, the headline's tail and the
 * legend.
 *
 * @param <T> what one group (and the whole) adds up to
 */
final class GroupReport<T> {

    /** Writes the fields of one result into an open JSON object. */
    @FunctionalInterface
    interface JsonFields<T> {
        void write(JsonGenerator json, T result) throws IOException;
    }

    private final InputOptions input;
    private final long rows;
    private final InvalidCells invalid;
    private final T overall;
    private final Map<GroupKey, T> groups;
    private final List<GroupKey> keys;

    GroupReport(InputOptions input, long rows, InvalidCells invalid, T overall, Map<GroupKey, T> groups) {
        this.input = input;
        this.rows = rows;
        this.invalid = invalid;
        this.overall = overall;
        this.groups = groups;
        this.keys = new ArrayList<>(groups.keySet());
        keys.sort(GroupKey.ORDER);
    }

    /** Whether the options ask for groups: a --by column or a --period. */
    static boolean grouped(InputOptions input) {
        return !input.by.isEmpty() || input.period != null;
    }

    /**
     * The JSON document: "input", then what {@code head} writes, then "overall" and, when grouped, "groups".
     */
    String json(Reports.JsonBody head, JsonFields<T> fields) {
        return Reports.json(json -> {
            json.writeStartObject();
            Reports.input(json, rows, invalid);
            head.write(json);
            json.writeObjectFieldStart("overall");
            fields.write(json, overall);
            json.writeEndObject();
            if (grouped(input)) {
                json.writeArrayFieldStart("groups");
                for (GroupKey key : keys) {
                    json.writeStartObject();
                    Reports.groupKey(json, key, input.by, input.period);
                    fields.write(json, groups.get(key));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /**
     * The table report: a headline (source, rows, invalid cells, then {@code headlineTail}), the table of the groups
     * and "all rows" with the label columns then {@code valueHeader}, the legend, and the first invalid cells.
     */
    String text(List<String> valueHeader, Function<T, List<String>> cells, String headlineTail, String legend) {
        List<String> header = new ArrayList<>(input.by);
        if (input.period != null) {
            header.add("period");
        }
        int labels = Math.max(1, header.size());
        if (header.isEmpty()) {
            header.add("");
        }
        header.addAll(valueHeader);
        Table table = new Table(header, labels);
        for (GroupKey key : keys) {
            List<String> row = Reports.labels(key, input.by, input.period);
            row.addAll(cells.apply(groups.get(key)));
            table.add(row);
        }
        List<String> all = new ArrayList<>();
        all.add(keys.isEmpty() ? "all" : "all rows");
        for (int i = 1; i < labels; i++) {
            all.add("");
        }
        all.addAll(cells.apply(overall));
        table.add(all);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(input.source() + ": " + rows + (rows == 1 ? " row" : " rows") + ", " + invalid.count()
                + " invalid " + (invalid.count() == 1 ? "cell" : "cells") + headlineTail);
        out.println();
        table.print(out);
        out.println();
        out.println(legend);
        Reports.invalidSummary(out, invalid, input.source());
        out.flush();
        return text.toString();
    }
}
