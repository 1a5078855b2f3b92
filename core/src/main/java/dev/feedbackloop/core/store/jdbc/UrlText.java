package dev.feedbackloop.core.store.jdbc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * URL-encoding of the names and values in the store's text columns (attributes, outbox events), written straight into
 * a {@link StringBuilder} and exactly as {@link URLEncoder} writes them in UTF-8, so that {@link java.net.URLDecoder}
 * reads them back. Stateless.
 */
final class UrlText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlText() {
    }

    /**
     * Appends a name or value URL-encoded, exactly as {@link URLEncoder} encodes it in UTF-8: letters, digits and
     * {@code .-*_} as they are, a space as {@code +}, any other ASCII character as {@code %XX}; a part with a character
     * beyond ASCII goes to {@link URLEncoder} whole.
     *
     * @return {@code text}
     */
    static StringBuilder append(StringBuilder text, String part) {
        int kept = 0;
        while (kept < part.length() && isKept(part.charAt(kept))) {
            kept++;
        }
        if (kept == part.length()) {
            return text.append(part);
        }
        int start = text.length();
        text.append(part, 0, kept);
        for (int i = kept; i < part.length(); i++) {
            char c = part.charAt(i);
            if (isKept(c)) {
                text.append(c);
            } else if (c == ' ') {
                text.append('+');
            } else if (c < 0x80) {
                text.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                text.setLength(start);
                return text.append(URLEncoder.encode(part, StandardCharsets.UTF_8));
            }
        }
        return text;
    }

    private static boolean isKept(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                || c == '*' || c == '_';
    }
}
