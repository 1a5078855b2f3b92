package dev.feedbackloop.examples.charts;

/**
 * Escaping for the reports' HTML, which is also well-formed XML (XHTML with inline SVG): every piece of text
 * that comes from data goes through {@link #escape(String)} before it reaches the page.
 *
 * <p>Stateless and thread-safe.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for an element's content or a quoted attribute value: {@code & < > " '} become character
     * references, and characters that XML 1.0 does not allow (C0 controls other than tab, line feed and carriage
     * return; lone surrogates; U+FFFE and U+FFFF) become U+FFFD, so the page always parses.
     *
     * @param text any text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> allowed(text, i) ? null : "\uFFFD";
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
