package dev.feedbackloop.examples.cli;

import dev.feedbackloop.examples.text.Table;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report that {@code score} and {@code loop} print once the export is read: the input summary, the overall
 * result, then one result per group in {@link GroupKey#ORDER}, and for {@code loop --list} the listed rows; as a JSON
 * document, a table, a Markdown table or CSV. The command supplies only what is its own: extra JSON fields, the
 * fields and columns of one result, the headline's tail, the legend and the listing.
 *
 * <p>Standard output holds only the results. In table and Markdown output the invalid cells go to standard error; in
 * CSV output the headline does too, so that standard output is one CSV table (two with a listing, after a blank
 * line).
 *
 * @param <T> what one group (and the whole) adds up to
 */
final class GroupReport<T> {

    /** Writes the fields of one result into an open JSON object. */
    @FunctionalInterface
    interface JsonFields<T> {
        void write(JsonGenerator json, T result) throws IOException;
    }

    /** How a command shows one result outside JSON: its value columns in tables and in CSV. */
    interface Columns<T> {
        /** The value columns of the table, after the label columns. */
        List<String> header();

        /** The value cells of one result, formatted for people. */
        List<String> cells(T result);

        /** The value columns of the CSV output. */
        List<CsvTable.Column> csvColumns();

        /** The value cells of one result in CSV, unrounded; {@code null} for blank. */
        List<@Nullable String> csvCells(T result);
    }

    /** Rows listed after the summary. */
    interface Listing {
        /** What is listed and in which order, e.g. "overdue: 3 rows, most overdue first". */
        String title();

        int size();

        List<String> header();

        int labelColumns();

        List<String> cells(int item);

        List<CsvTable.Column> csvColumns();

        List<@Nullable String> csvCells(int item);

        /** Writes the field {@code "items"} with every item. */
        void json(JsonGenerator json) throws IOException;
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
     * Prints the report in the output the options chose.
     *
     * @param head writes the JSON fields between "input" and "overall"
     * @param headlineTail what follows the row and invalid-cell counts in the headline
     * @param legend what the columns mean, printed under the table
     */
    void print(PrintWriter out, PrintWriter err, Reports.JsonBody head, JsonFields<T> fields, Columns<T> columns,
            String headlineTail, String legend, @Nullable Listing listing) {
        String headline = input.source() + ": " + rows + (rows == 1 ? " row" : " rows") + ", " + invalid.count()
                + " invalid " + (invalid.count() == 1 ? "cell" : "cells") + headlineTail;
        switch (input.output) {
            case JSON:
                out.print(json(head, fields, listing));
                break;
            case TABLE:
            case MARKDOWN:
                boolean markdown = input.output == Converters.Output.MARKDOWN;
                out.println(FeedbackLoopCommand.oneLine(headline));
                out.println();
                print(out, table(columns), markdown);
                out.println();
                out.println(legend);
                if (listing != null) {
                    out.println();
                    out.println(FeedbackLoopCommand.oneLine(listing.title()));
                    if (listing.size() > 0) {
                        out.println();
                        Table items = Table.of(listing.header(), listing.labelColumns());
                        for (int i = 0; i < listing.size(); i++) {
                            items.add(listing.cells(i));
                        }
                        print(out, items, markdown);
                    }
                }
                Reports.invalidSummary(err, invalid, input.source());
                break;
            case CSV:
                csv(out, columns);
                if (listing != null) {
                    out.println();
                    CsvTable items = new CsvTable(out, listing.csvColumns());
                    for (int i = 0; i < listing.size(); i++) {
                        items.row(listing.csvCells(i));
                    }
                }
                err.println(FeedbackLoopCommand.oneLine(headline));
                Reports.invalidSummary(err, invalid, input.source());
                break;
            default:
                throw new AssertionError(input.output);
        }
        out.flush();
        err.flush();
    }

    private static void print(PrintWriter out, Table table, boolean markdown) {
        if (markdown) {
            table.printMarkdown(out);
        } else {
            table.print(out);
        }
    }

    /**
     * The JSON document: "input", then what {@code head} writes, then "overall", "groups" when grouped, and "items"
     * with a listing.
     */
    private String json(Reports.JsonBody head, JsonFields<T> fields, @Nullable Listing listing) {
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
            if (listing != null) {
                listing.json(json);
            }
            json.writeEndObject();
        });
    }

    /** The table of the groups and "all rows": the label columns, then the command's value columns. */
    private Table table(Columns<T> columns) {
        List<String> header = new ArrayList<>(input.by);
        if (input.period != null) {
            header.add("period");
        }
        int labels = Math.max(1, header.size());
        if (header.isEmpty()) {
            header.add("");
        }
        header.addAll(columns.header());
        Table table = Table.of(header, labels);
        for (GroupKey key : keys) {
            List<String> row = Reports.labels(key, input.by, input.period);
            row.addAll(columns.cells(groups.get(key)));
            table.add(row);
        }
        List<String> all = new ArrayList<>();
        all.add(keys.isEmpty() ? "all" : "all rows");
        for (int i = 1; i < labels; i++) {
            all.add("");
        }
        all.addAll(columns.cells(overall));
        table.add(all);
        return table;
    }

    /** The CSV table: a "scope" column (group or all), the segment columns and period, then the value columns. */
    private void csv(PrintWriter out, Columns<T> columns) {
        List<CsvTable.Column> header = new ArrayList<>();
        header.add(CsvTable.Column.text("scope"));
        for (String column : input.by) {
            header.add(CsvTable.Column.text(column));
        }
        if (input.period != null) {
            header.add(CsvTable.Column.text("period"));
        }
        header.addAll(columns.csvColumns());
        CsvTable csv = new CsvTable(out, header);
        for (GroupKey key : keys) {
            List<@Nullable String> row = new ArrayList<>();
            row.add("group");
            row.addAll(Reports.csvLabels(key, input.by, input.period));
            row.addAll(columns.csvCells(groups.get(key)));
            csv.row(row);
        }
        List<@Nullable String> all = new ArrayList<>();
        all.add("all");
        for (int i = 0; i < input.by.size() + (input.period != null ? 1 : 0); i++) {
            all.add(null);
        }
        all.addAll(columns.csvCells(overall));
        csv.row(all);
    }
}
