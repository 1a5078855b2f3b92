package dev.feedbackloop.scoring.internal;

/**
 * Reads the cells of an export the way {@code cli.md} defines them: blanks and integer ratings; behind
 * {@code ExportRow.integer(int)}.
 *
 * <p>A cell is <em>blank</em> when it is empty or holds only spaces and tabs. A <em>rating</em> is an integer with an
 * optional sign and an optional fraction of zeros ({@code 9}, {@code 9.0}, {@code +9} and {@code " 9 "} all read 9),
 * as spreadsheets and data-frame libraries write them. The methods take a {@link CharSequence} so that the byte-level
 * CSV reader can pass a view of its buffer without creating a {@code String}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cells {

    /** What {@link #parseInteger(CharSequence)} returns for a blank cell. */
    public static final int BLANK = Integer.MIN_VALUE;

    /** What {@link #parseInteger(CharSequence)} returns for a non-blank cell that is not an integer. */
    public static final int NOT_AN_INTEGER = Integer.MIN_VALUE + 1;

    /** Integers beyond this magnitude saturate, so that every huge value stays off every scale. */
    private static final long SATURATION = 1_000_000_000L;

    private Cells() {
    }

    /**
     * Tells whether a character is white space for the purpose of trimming a cell: a space or a tab.
     *
     * @param c the character
     * @return whether it is trimmed from both ends of a cell
     */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Tells whether a cell is blank: empty or only spaces and tabs.
     *
     * @param cell the cell text
     * @return whether the cell is blank
     */
    public static boolean isBlank(CharSequence cell) {
        for (int i = 0, n = cell.length(); i < n; i++) {
            if (!isSpace(cell.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns a cell without the spaces and tabs at its ends.
     *
     * @param cell the cell text
     * @return the trimmed text
     */
    public static String trim(CharSequence cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(cell.charAt(end - 1))) {
            end--;
        }
        return cell.subSequence(start, end).toString();
    }

    /**
     * Returns text as a terminal can show it safely on one line, for messages that quote cell values or names: line
     * breaks and tabs become {@code \n}, {@code \r} and {@code \t}; other control characters, invisible format
     * characters (such as a byte-order mark or a right-to-left override), line and paragraph separators, and
     * unpaired surrogates become {@code \}{@code uXXXX}. Everything else, including every letter of every script, is
     * kept.
     *
     * @param text the text
     * @return the text with what is not printable escaped; the same instance when nothing needs escaping
     */
    public static String printable(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n && shows(text, i)) {
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (shows(text, i)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** Whether the char at {@code i} shows as itself: not a control, format or separator char, nor a lone surrogate. */
    private static boolean shows(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c >= ' ' && c < 0x7F) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }

    /**
     * Reads an integer rating: an optional {@code +} or {@code -}, one or more digits, and optionally a {@code .}
     * followed by one or more zeros, with spaces and tabs around it ignored.
     *
     * <p>Values whose magnitude exceeds 10<sup>9</sup> saturate at &plusmn;10<sup>9</sup>, which lies off every
     * rating scale; the scale check is the caller's.
     *
     * @param cell the cell text
     * @return the integer, {@link #BLANK} for a blank cell, or {@link #NOT_AN_INTEGER} for any other text
     *     (such as {@code 4.5}, {@code 9.}, {@code abc} or {@code 1e3})
     */
    public static int parseInteger(CharSequence cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(cell.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return BLANK;
        }
        int i = start;
        boolean negative = false;
        char c = cell.charAt(i);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && (c = cell.charAt(i)) >= '0' && c <= '9') {
            if (value <= SATURATION) {
                value = value * 10 + (c - '0');
            }
            i++;
            digits++;
        }
        if (digits == 0) {
            return NOT_AN_INTEGER;
        }
        if (i < end) {
            if (cell.charAt(i) != '.') {
                return NOT_AN_INTEGER;
            }
            i++;
            int zeros = 0;
            while (i < end && cell.charAt(i) == '0') {
                i++;
                zeros++;
            }
            if (zeros == 0 || i < end) {
                return NOT_AN_INTEGER;
            }
        }
        long bounded = Math.min(value, SATURATION);
        return (int) (negative ? -bounded : bounded);
    }

    /** {@link #parseInteger(CharSequence)} over ASCII bytes; any byte outside ASCII makes the cell not an integer. */
    public static int parseInteger(byte[] b, int start, int end) {
        if (end - start == 1) {
            int d = b[start] - '0';
            if (d >= 0 && d <= 9) {
                return d;
            }
        }
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        if (start == end) {
            return BLANK;
        }
        int i = start;
        boolean negative = false;
        byte c = b[i];
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && (c = b[i]) >= '0' && c <= '9') {
            if (value <= SATURATION) {
                value = value * 10 + (c - '0');
            }
            i++;
            digits++;
        }
        if (digits == 0) {
            return NOT_AN_INTEGER;
        }
        if (i < end) {
            if (b[i] != '.') {
                return NOT_AN_INTEGER;
            }
            i++;
            int zeros = 0;
            while (i < end && b[i] == '0') {
                i++;
                zeros++;
            }
            if (zeros == 0 || i < end) {
                return NOT_AN_INTEGER;
            }
        }
        long bounded = Math.min(value, SATURATION);
        return (int) (negative ? -bounded : bounded);
    }
}
