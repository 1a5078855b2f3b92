package dev.feedbackloop.core.store.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The text form of an attribute map in one column: {@code name=value} pairs, URL-encoded, sorted by name and joined
 * by {@code &}; the empty map is the empty text. Stateless.
 */
final class Attributes {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Attributes() {
    }

    static String encode(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "";
        }
        String[] names = attributes.keySet().toArray(new String[0]);
        Arrays.sort(names);
        var text = new StringBuilder(16 * names.length);
        for (String name : names) {
            if (text.length() > 0) {
                text.append('&');
            }
            appendEncoded(text, name).append('=');
            appendEncoded(text, Objects.requireNonNull(attributes.get(name), name));
        }
        return text.toString();
    }

    /**
     * Appends a name or value URL-encoded, exactly as {@link URLEncoder} encodes it in UTF-8: letters, digits and
     * {@code .-*_} as they are, a space as {@code +}, any other ASCII character as {@code %XX}; a part with a character
     * beyond ASCII goes to {@link URLEncoder} whole.
     *
     * @return {@code text}
     */
    static StringBuilder appendEncoded(StringBuilder text, String part) {
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

    static Map<String, String> decode(String text) {
        var attributes = new HashMap<String, String>();
        if (text.isEmpty()) {
            return attributes;
        }
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("attribute '" + pair + "' has no '='; expected name=value");
            }
            attributes.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return attributes;
    }
}
