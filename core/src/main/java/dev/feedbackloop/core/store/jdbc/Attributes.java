package dev.feedbackloop.core.store.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text form of an attribute map in one column: {@code name=value} pairs, URL-encoded, sorted by name and joined
 * by {@code &}; the empty map is the empty text. Stateless.
 */
final class Attributes {

    private Attributes() {
    }

    static String encode(Map<String, String> attributes) {
        var text = new StringBuilder();
        for (var entry : new TreeMap<>(attributes).entrySet()) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
        }
        return text.toString();
    }

    /** URL-encodes a name or value; one that has only characters the encoding keeps is returned as it is. */
    private static String encode(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean kept = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '-' || c == '*' || c == '_';
            if (!kept) {
                return URLEncoder.encode(part, StandardCharsets.UTF_8);
            }
        }
        return part;
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
