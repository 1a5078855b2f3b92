package dev.feedbackloop.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: left-aligned label columns, then right-aligned value columns, two spaces apart. */
final class Table {

    private final List<String> header;
    private final int labelColumns;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header, int labelColumns) {
        this.header = List.copyOf(header);
        this.labelColumns = labelColumns;
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row: " + row.size() + " cells, expected " + header.size());
        }
        rows.add(row);
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).codePointCount(0, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        line(out, header, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - cell.codePointCount(0, cell.length());
            if (c > 0) {
                sb.append("  ");
            }
            if (c < labelColumns) {
                sb.append(cell).append(" ".repeat(pad));
            } else {
                sb.append(" ".repeat(pad)).append(cell);
            }
        }
        out.println(sb);
    }
}
