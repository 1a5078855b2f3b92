package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.internal.Cells;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells: left-aligned label columns, then right-aligned value columns. Printed as plain text (columns
 * two spaces apart) or as a Markdown table. Cells are shown {@linkplain Cells#printable printable}, so a line break in
 * a segment value cannot break the layout. Not thread-safe.
 */
final class Table {

    private final List<String> header;
    private final int labelColumns;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header, int labelColumns) {
        this.header = printable(header);
        this.labelColumns = labelColumns;
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row: " + row.size() + " cells, expected " + header.size());
        }
        rows.add(printable(row));
    }

    private static List<String> printable(List<String> cells) {
        List<String> shown = new ArrayList<>(cells.size());
        for (String cell : cells) {
            shown.add(Cells.printable(cell));
        }
        return shown;
    }

    /** Prints aligned plain text. */
    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(header.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        line(out, header, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    /**
     * Prints a Markdown table: label columns left-aligned, value columns right-aligned; cells trimmed, {@code |} and
     * backslashes escaped.
     */
    void printMarkdown(PrintWriter out) {
        markdownLine(out, header);
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < header.size(); c++) {
            rule.append(c < labelColumns ? " --- |" : " ---: |");
        }
        out.println(rule);
        for (List<String> row : rows) {
            markdownLine(out, row);
        }
    }

    private static void markdownLine(PrintWriter out, List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String cell : cells) {
            sb.append(' ').append(cell.strip().replace("\\", "\\\\").replace("|", "\\|")).append(" |");
        }
        out.println(sb);
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - width(cell);
            if (c > 0) {
                sb.append("  ");
            }
            if (c < labelColumns) {
                sb.append(cell);
                if (c < cells.size() - 1) {
                    sb.append(" ".repeat(pad));
                }
            } else {
                sb.append(" ".repeat(pad)).append(cell);
            }
        }
        out.println(sb);
    }
}
