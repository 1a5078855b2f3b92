package dev.feedbackloop.survey.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** The fields of one JSON object being mapped, with its path; every accessor fails with a {@link MappingFailure}. */
final class Fields {

    private final String path;
    private final JsonNode node;

    private Fields(String path, JsonNode node) {
        this.path = path;
        this.node = node;
    }

    /** Requires an object whose fields are all among the allowed ones. */
    static Fields of(String path, @Nullable JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new MappingFailure(path, "expected an object, got " + describe(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new MappingFailure(JsonPaths.child(path, name), "unknown field; expected one of "
                        + new TreeSet<>(allowed));
            }
        }
        return new Fields(path, node);
    }

    static String describe(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "the number " + node.asText();
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BINARY, MISSING -> "nothing";
        };
    }

    String pathOf(String field) {
        return JsonPaths.child(path, field);
    }

    /** Returns a field's value, or null when absent or JSON null. */
    @Nullable JsonNode optional(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String field, String expected) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new MappingFailure(pathOf(field), "is missing; expected " + expected);
        }
        if (value.isNull()) {
            throw new MappingFailure(pathOf(field), "expected " + expected + ", got null");
        }
        return value;
    }

    String string(String field) {
        return asString(pathOf(field), required(field, "a string"));
    }

    @Nullable String optionalString(String field) {
        JsonNode value = optional(field);
        return value == null ? null : asString(pathOf(field), value);
    }

    int integer(String field) {
        return asInt(pathOf(field), required(field, "an integer"));
    }

    int integer(String field, int fallback) {
        JsonNode value = optional(field);
        return value == null ? fallback : asInt(pathOf(field), value);
    }

    boolean bool(String field) {
        return asBoolean(pathOf(field), required(field, "a boolean"));
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = optional(field);
        return value == null ? fallback : asBoolean(pathOf(field), value);
    }

    /** Returns the elements of a required array field. */
    List<JsonNode> array(String field) {
        return asArray(pathOf(field), required(field, "an array"));
    }

    /**
     * Maps the members of an optional object field, in document order; empty when absent or null.
     *
     * @param expected what the object holds, for the message when the field is not an object
     * @param valueAt maps a member's path and value
     */
    <V> Map<String, V> members(String field, String expected, BiFunction<String, JsonNode, V> valueAt) {
        var members = new LinkedHashMap<String, V>();
        JsonNode value = optional(field);
        if (value == null) {
            return members;
        }
        String fieldPath = pathOf(field);
        if (!value.isObject()) {
            throw new MappingFailure(fieldPath, "expected " + expected + ", got " + describe(value));
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            members.put(entry.getKey(), valueAt.apply(JsonPaths.child(fieldPath, entry.getKey()), entry.getValue()));
        }
        return members;
    }

    List<String> strings(String field, List<String> fallback) {
        JsonNode value = optional(field);
        return value == null ? fallback : asStrings(pathOf(field), value);
    }

    List<String> strings(String field) {
        return asStrings(pathOf(field), required(field, "an array of strings"));
    }

    static String asString(String path, JsonNode value) {
        if (!value.isTextual()) {
            throw new MappingFailure(path, "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    static int asInt(String path, JsonNode value) {
        if (!value.isIntegralNumber()) {
            throw new MappingFailure(path, "expected an integer, got " + describe(value));
        }
        if (!value.canConvertToInt()) {
            throw new MappingFailure(path, value.asText() + " is outside " + Integer.MIN_VALUE + ".."
                    + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    static boolean asBoolean(String path, JsonNode value) {
        if (!value.isBoolean()) {
            throw new MappingFailure(path, "expected a boolean, got " + describe(value));
        }
        return value.booleanValue();
    }

    static List<JsonNode> asArray(String path, JsonNode value) {
        if (!value.isArray()) {
            throw new MappingFailure(path, "expected an array, got " + describe(value));
        }
        var elements = new ArrayList<JsonNode>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    static List<String> asStrings(String path, JsonNode value) {
        List<JsonNode> elements = asArray(path, value);
        var strings = new ArrayList<String>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            strings.add(asString(JsonPaths.element(path, i), elements.get(i)));
        }
        return strings;
    }
}
