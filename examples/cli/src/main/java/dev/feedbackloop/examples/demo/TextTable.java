package dev.feedbackloop.examples.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table of the printed summary: every column as wide as its widest cell (nothing is cut), two spaces
 * apart, indented by two; text columns aligned left, number columns right; no trailing spaces.
 *
 * <p>Not thread-safe; build, fill and print it on one thread.
 */
final class TextTable {

    private final List<String> header = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a column aligned left, for text. */
    TextTable left(String name) {
        return column(name, false);
    }

    /** Adds a column aligned right, for numbers. */
    TextTable right(String name) {
        return column(name, true);
    }

    private TextTable column(String name, boolean right) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns must be added before rows, not after " + rows.size());
        }
        header.add(name);
        rightAligned.add(right);
        return this;
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException unless it has one cell per column
     */
    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("cells: " + cells.length + ", expected " + header.size());
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** Prints the header and the rows. */
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

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        var line = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            if (c > 0) {
                line.append("  ");
            }
            line.append(rightAligned.get(c) ? pad + cell : cell + pad);
        }
        out.println(line.toString().stripTrailing());
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
