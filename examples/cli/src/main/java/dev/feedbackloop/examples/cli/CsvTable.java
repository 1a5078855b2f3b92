package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.internal.FormulaGuard;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows printed as CSV for spreadsheets (RFC 4180 quoting, {@code \n} line ends): number columns as written, text
 * columns through {@link FormulaGuard} so that a segment value such as {@code =HYPERLINK(...)} is not run as a
 * formula, and quoted when they hold a comma, quote, line break or edge space. A blank cell is empty. Not
 * thread-safe.
 */
final class CsvTable {

    /** A column: its name, and whether its cells are numbers. */
    record Column(String name, boolean numeric) {

        static Column text(String name) {
            return new Column(name, false);
        }

        static Column number(String name) {
            return new Column(name, true);
        }
    }

    private final PrintWriter out;
    private final List<Column> columns;

    /** Prints the header line at once. */
    CsvTable(PrintWriter out, List<Column> columns) {
        this.out = out;
        this.columns = List.copyOf(columns);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            text(sb, columns.get(i).name());
        }
        out.println(sb);
    }

    /** Prints one row; {@code null} cells are blank. */
    void row(List<@Nullable String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row: " + cells.size() + " cells, expected " + columns.size());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (columns.get(i).numeric()) {
                sb.append(cell);
            } else {
                text(sb, cell);
            }
        }
        out.println(sb);
    }

    private static void text(StringBuilder sb, String cell) {
        String safe = FormulaGuard.neutralise(cell);
        boolean quote = !safe.isEmpty() && (safe.charAt(0) == ' ' || safe.charAt(safe.length() - 1) == ' ');
        for (int i = 0; !quote && i < safe.length(); i++) {
            char c = safe.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(safe);
            return;
        }
        sb.append('"').append(safe.replace("\"", "\"\"")).append('"');
    }
}
