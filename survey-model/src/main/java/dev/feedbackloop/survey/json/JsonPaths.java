package dev.feedbackloop.survey.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Paths in our notation ({@code questions[2].scale.max}) from Jackson's parsing contexts, and the location of a
 * path in a document.
 *
 * <p>Design note: the happy path maps a plain tree without recording locations; only when mapping fails is the
 * document parsed again, as a stream, to find the line and column of the failing path (or of its nearest
 * ancestor that is in the document).
 */
final class JsonPaths {

    private JsonPaths() {
    }

    static String path(@Nullable JsonStreamContext context) {
        var segments = new ArrayDeque<String>();
        for (JsonStreamContext at = context; at != null; at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                segments.push("." + at.getCurrentName());
            } else if (at.inArray() && at.hasCurrentIndex()) {
                segments.push("[" + at.getCurrentIndex() + "]");
            }
        }
        var text = new StringBuilder();
        segments.forEach(text::append);
        return text.length() > 0 && text.charAt(0) == '.' ? text.substring(1) : text.toString();
    }

    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * Finds where a path's value starts, or where its nearest ancestor's value starts.
     *
     * @param parser a fresh parser over the document, closed by this method
     * @return the location, or {@code null} if not even the root could be read
     */
    static @Nullable JsonLocation locate(JsonParser parser, String target) {
        JsonLocation best = null;
        int bestLength = -1;
        try (parser) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
                    continue;
                }
                String path = path(parser.getParsingContext());
                if (path.length() > bestLength && isPrefix(path, target)) {
                    best = parser.currentTokenLocation();
                    bestLength = path.length();
                    if (path.length() == target.length()) {
                        return best;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The document may be broken after the path; what was found so far is the answer.
        }
        return best;
    }

    private static boolean isPrefix(String path, String target) {
        if (!target.startsWith(path)) {
            return false;
        }
        if (path.isEmpty() || path.length() == target.length()) {
            return true;
        }
        char next = target.charAt(path.length());
        return next == '.' || next == '[';
    }
}
