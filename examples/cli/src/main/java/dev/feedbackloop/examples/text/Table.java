package dev.feedbackloop.examples.text;

import dev.feedbackloop.scoring.internal.Cells;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells, every column as wide as its widest cell (nothing is cut): text columns aligned left, number
 * columns right. Printed as plain text (columns two spaces apart, optionally indented, no trailing spaces) or as a
 * Markdown table. Cells are shown {@linkplain Cells#printable printable}, so a line break in a segment value cannot
 * break the layout.
 *
 * <p>Not thread-safe; build, fill and print it on one thread.
 */
public final class Table {

    private final List<String> header = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final String indent;

    private Table(int indent) {
        this.indent = " ".repeat(indent);
    }

    /**
     * Returns a table without columns yet, to be added with {@link #left} and {@link #right}.
     *
     * @param indent how many spaces each plain-text line starts with
     * @return the table
     */
    public static Table indented(int indent) {
        return new Table(indent);
    }

    /**
     * Returns a table whose first {@code labelColumns} columns are labels (aligned left) and the others values
     * (aligned right).
     *
     * @param header the column names
     * @param labelColumns how many of the first columns are labels
     * @return the table
     */
    public static Table of(List<String> header, int labelColumns) {
        Table table = new Table(0);
        for (int c = 0; c < header.size(); c++) {
            table.column(header.get(c), c >= labelColumns);
        }
        return table;
    }

    /**
     * Adds a column aligned left, for text.
     *
     * @param name the column name
     * @return this table
     */
    public Table left(String name) {
        return column(name, false);
    }

    /**
     * Adds a column aligned right, for numbers.
     *
     * @param name the column name
     * @return this table
     */
    public Table right(String name) {
        return column(name, true);
    }

    private Table column(String name, boolean right) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns must be added before rows, not after " + rows.size());
        }
        header.add(Cells.printable(name));
        rightAligned.add(right);
        return this;
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException unless it has one cell per column
     */
    public Table row(String... cells) {
        return add(List.of(cells));
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws IllegalArgumentException unless it has one cell per column
     */
    public Table add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("cells: " + cells.size() + ", expected " + header.size());
        }
        List<String> shown = new ArrayList<>(cells.size());
        for (String cell : cells) {
            shown.add(Cells.printable(cell));
        }
        rows.add(shown);
        return this;
    }

    /**
     * Prints the header and the rows as aligned plain text.
     *
     * @param out where to print
     */
    public void print(PrintWriter out) {
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
     * Prints a Markdown table: columns aligned as in plain text; cells trimmed, {@code |} and backslashes escaped.
     *
     * @param out where to print
     */
    public void printMarkdown(PrintWriter out) {
        markdownLine(out, header);
        StringBuilder rule = new StringBuilder("|");
        for (boolean right : rightAligned) {
            rule.append(right ? " ---: |" : " --- |");
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

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(rightAligned.get(c) ? pad + cell : cell + pad);
        }
        out.println(sb.toString().stripTrailing());
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
