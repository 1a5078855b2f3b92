package dev.feedbackloop.scoring.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.feedbackloop.scoring.internal.Cells;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Lines reader, on Jackson's streaming parser: root-level objects one after the other; each field whose name
 * is a selected column is kept as text (strings as they are, numbers as their literal, booleans as {@code true} or
 * {@code false}, nested objects and arrays as {@code {...}} and {@code [...]}), every other field is skipped. A column
 * is known when at least one object has a field of that name, even if {@code null}; that can only be checked at the
 * end of the input.
 */
final class JsonLinesSource extends RowCursor implements RowSource {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** How many names of unselected fields are kept for the message about an unknown column. */
    private static final int MAX_FIELD_NAMES = 1000;
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("\\(code (\\d{1,7})\\)");
    private static final Pattern TOKEN = Pattern.compile("token '([^']*)'");

    private final InputStream in;
    private final NaMarkers na;

    private @Nullable String[] values = new String[0];
    private List<Map<String, Integer>> ids = List.of();

    JsonLinesSource(InputStream in, String source, NaMarkers na) {
        super(source);
        this.in = in;
        this.na = na;
    }

    @Override
    public List<String> header() {
        return List.of();
    }

    @Override
    public long read(List<String> columns, Consumer<? super ExportRow> handler) {
        slotNames = columns.toArray(new String[0]);
        values = new String[slotNames.length];
        ids = new ArrayList<>();
        for (int slot = 0; slot < slotNames.length; slot++) {
            ids.add(new HashMap<>());
        }
        Map<String, int[]> slotsByName = new HashMap<>();
        for (int slot = 0; slot < slotNames.length; slot++) {
            int[] old = slotsByName.get(slotNames[slot]);
            int[] slots = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            slots[slots.length - 1] = slot;
            slotsByName.put(slotNames[slot], slots);
        }
        boolean[] seen = new boolean[slotNames.length];
        Set<String> otherFields = new LinkedHashSet<>();
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new ExportFormatException(source, line, null, parser.getText(),
                            "a record is not a JSON object, expected one JSON object per line");
                }
                Arrays.fill(values, null);
                fieldCount = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    fieldCount++;
                    int[] slots = slotsByName.get(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (slots == null) {
                        if (otherFields.size() < MAX_FIELD_NAMES) {
                            otherFields.add(parser.currentName());
                        }
                        parser.skipChildren();
                        continue;
                    }
                    String text = textOf(parser, value);
                    for (int slot : slots) {
                        values[slot] = text;
                        seen[slot] = true;
                    }
                }
                number++;
                handler.accept(this);
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
        }
        for (int slot = 0; slot < slotNames.length; slot++) {
            if (!seen[slot]) {
                throw new ExportFormatException(source, 0, slotNames[slot], null, "no such field in any record"
                        + ColumnNames.suggestion(slotNames[slot], otherFields)
                        + ", expected at least one object with a field of that name; the fields are "
                        + ColumnNames.list(otherFields));
            }
        }
        return number;
    }

    /** The exception for input that is not JSON, in the reader's words, naming the line and column. */
    private ExportFormatException notJson(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        long at = where == null ? 0 : Math.max(0, where.getLineNr());
        String column = where == null || where.getColumnNr() < 1 ? "" : " at column " + where.getColumnNr();
        if (e instanceof JsonEOFException) {
            return new ExportFormatException(source, at, null, null, "the file ends in the middle of a record"
                    + column + " (is it cut short?), expected each line to be one complete JSON object");
        }
        String message = String.valueOf(e.getOriginalMessage());
        Matcher character = UNEXPECTED_CHARACTER.matcher(message);
        String what;
        if (message.startsWith("Illegal unquoted character")) {
            what = "a control character or line break inside a string (a JSON string must escape it, e.g. \\n)";
        } else if (message.startsWith("Illegal character")) {
            what = "a control character outside any string";
        } else if (character.find() && Character.isValidCodePoint(Integer.parseInt(character.group(1)))) {
            what = "unexpected character '" + Cells.printable(Character.toString(Integer.parseInt(
                    character.group(1)))) + "'";
        } else if (message.startsWith("Unrecognized token")) {
            Matcher token = TOKEN.matcher(message);
            what = "unexpected word" + (token.find() ? " '" + ExportFormatException.oneLine(token.group(1)) + "'"
                    : "") + " (text must be in double quotes)";
        } else if (message.contains("Numeric value") || message.contains("numeric value")) {
            what = "a number that cannot be read";
        } else {
            what = "not valid JSON";
        }
        return new ExportFormatException(source, at, null, null, what + column
                + ", expected one JSON object per line, such as {\"nps\": 9, \"plan\": \"pro\"}");
    }

    private static @Nullable String textOf(JsonParser parser, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_NULL:
                return null;
            case START_OBJECT:
                parser.skipChildren();
                return "{...}";
            case START_ARRAY:
                parser.skipChildren();
                return "[...]";
            default:
                return parser.getText();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private CharSequence chars(int column) {
        String value = values[column];
        return value == null ? "" : value;
    }

    @Override
    public boolean ragged() {
        return false;
    }

    @Override
    public boolean isBlank(int column) {
        return na.isBlank(chars(column));
    }

    @Override
    public String text(int column) {
        return chars(column).toString();
    }

    @Override
    public @Nullable String value(int column) {
        return isBlank(column) ? null : values[column];
    }

    @Override
    public int integer(int column) {
        CharSequence cell = chars(column);
        if (na.isBlank(cell)) {
            return Cells.BLANK;
        }
        return Cells.parseInteger(cell);
    }

    @Override
    public @Nullable Instant instant(int column, ZoneId zone) {
        CharSequence cell = chars(column);
        if (na.isBlank(cell)) {
            return null;
        }
        try {
            return timestamps(zone).parse(cell);
        } catch (DateTimeException e) {
            throw notATimestamp(column);
        }
    }

    @Override
    public int valueId(int column) {
        String value = value(column);
        if (value == null) {
            return -1;
        }
        Map<String, Integer> known = ids.get(column);
        Integer id = known.get(value);
        if (id == null) {
            id = known.size();
            known.put(value, id);
        }
        return id;
    }
}
