package dev.feedbackloop.core.store.jdbc;

import java.net.URLDecoder;
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
            UrlText.append(text, name).append('=');
            UrlText.append(text, Objects.requireNonNull(attributes.get(name), name));
        }
        return text.toString();
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
