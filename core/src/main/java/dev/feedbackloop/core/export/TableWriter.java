package dev.feedbackloop.core.export;

import dev.feedbackloop.scoring.export.ExportFormat;
import dev.feedbackloop.scoring.internal.FormulaGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows of cells as CSV (RFC 4180: CRLF line ends, text cells quoted with doubled quotes) or JSON Lines; text
 * cells pass through {@link FormulaGuard}, numeric cells are written as given. Not thread-safe.
 */
final class TableWriter {

    /** A column: its name and whether its cells are numbers written as they are. */
    record Column(String name, boolean numeric) {
    }

    private final ExportFormat format;
    private final List<Column> columns;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    TableWriter(ExportFormat format, List<Column> columns, Writer out) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.out = out;
    }

    /**
     * Writes the header (CSV), one row per item that {@code source} hands to its action, then flushes.
     *
     * @param source calls its action once per item, in row order
     * @param cells the cells of an item, one per column, {@code null} for blank
     * @return the number of rows written
     */
    <T> long writeAll(Consumer<Consumer<T>> source, Function<T, List<@Nullable String>> cells) {
        header();
        long[] count = {0};
        source.accept(item -> {
            row(cells.apply(item));
            count[0]++;
        });
        flush();
        return count[0];
    }

    private void header() {
        if (format == ExportFormat.CSV) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                quoted(FormulaGuard.neutralise(columns.get(i).name()));
            }
            emit();
        }
    }

    /** Writes one row; {@code cells} has one entry per column, {@code null} for blank. */
    private void row(List<@Nullable String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row of " + cells.size() + " cells, expected " + columns.size());
        }
        line.setLength(0);
        switch (format) {
            case CSV -> {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    String cell = cells.get(i);
                    if (cell != null) {
                        if (columns.get(i).numeric()) {
                            line.append(cell);
                        } else {
                            quoted(FormulaGuard.neutralise(cell));
                        }
                    }
                }
            }
            case JSON_LINES -> {
                line.append('{');
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    json(columns.get(i).name());
                    line.append(':');
                    String cell = cells.get(i);
                    if (cell == null) {
                        line.append("null");
                    } else if (columns.get(i).numeric()) {
                        line.append(cell);
                    } else {
                        json(FormulaGuard.neutralise(cell));
                    }
                }
                line.append('}');
            }
        }
        emit();
    }

    private void quoted(String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private void json(String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029 || unpairedSurrogate(text, i)) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }

    private static boolean unpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private void emit() {
        line.append(format == ExportFormat.CSV ? "\r\n" : "\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("export: cannot write: " + e.getMessage(), e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("export: cannot flush: " + e.getMessage(), e);
        }
    }
}
