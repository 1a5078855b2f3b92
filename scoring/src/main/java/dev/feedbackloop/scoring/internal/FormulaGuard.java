package dev.feedbackloop.scoring.internal;

import java.util.Objects;

/**
 * Neutralises spreadsheet formula injection ("CSV injection") in exported text cells, as OWASP recommends: a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a NUL character gets a
 * single quote ({@code '}) in front, so that Excel, LibreOffice and Google Sheets show it as text instead of
 * evaluating it. Numbers are written by the exports without passing through here, so negative numbers stay numbers.
 * Stateless and thread-safe.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /**
     * Returns whether a cell would be read as a formula (or formula-like) by a spreadsheet.
     *
     * @param cell the cell text
     * @return {@code true} if it starts with one of {@code = + - @}, tab, carriage return or NUL
     */
    public static boolean isDangerous(String cell) {
        Objects.requireNonNull(cell, "cell");
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\0';
    }

    /**
     * Returns a cell that a spreadsheet shows as text: the cell itself, or a single quote followed by it when it
     * {@linkplain #isDangerous(String) is dangerous}.
     *
     * @param cell the cell text
     * @return the neutralised text
     */
    public static String neutralise(String cell) {
        return isDangerous(cell) ? "'" + cell : cell;
    }
}
