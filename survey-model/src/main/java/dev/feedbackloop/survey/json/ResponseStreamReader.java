package dev.feedbackloop.survey.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a response straight from a {@link JsonParser} into the model, with no tree: the fast path of
 * {@link SurveyJson#readResponse(String)}.
 *
 * <p>Design note: this reader accepts exactly the documents that {@link ModelReader#response} accepts, and builds
 * an equal {@link Response}, but it never reports a problem itself. At the first thing it does not take as it is
 * (malformed JSON, a limit, a duplicate key, an unknown field, a wrong type, a value the model rejects) it gives up
 * by throwing {@link #GIVE_UP}, and {@link SurveyJson} reads the document again through the tree, whose mapping
 * owns every error message, path and location. So failures read exactly as before; a valid document is parsed
 * once, an invalid one twice. Null for an optional field means absent, as in the tree mapping. Duplicate keys are
 * detected here (a mask of the fields seen, or the map of answers or attributes), so the parser runs without
 * Jackson's per-object name sets; answer types are compared without making strings; objects are collected
 * straight into immutable maps.
 */
final class ResponseStreamReader {

    /** Thrown to hand the document over to the tree mapping; carries no stack trace and no message. */
    static final GiveUp GIVE_UP = new GiveUp();

    /** The signal to read a document through the tree instead. */
    static final class GiveUp extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final int TYPE = 1;
    private static final int VALUE = 1 << 1;
    private static final int TEXT = 1 << 2;
    private static final int OPTION_IDS = 1 << 3;
    private static final int OTHER_TEXT = 1 << 4;
    private static final int RATING_OR_YES_NO_FIELDS = TYPE | VALUE;
    private static final int TEXT_FIELDS = TYPE | TEXT;
    private static final int CHOICE_FIELDS = TYPE | OPTION_IDS | OTHER_TEXT;

    private static final int RATING = 1;
    private static final int YES_NO = 2;
    private static final int TEXT_TYPE = 3;
    private static final int CHOICE = 4;
    private static final char[][] ANSWER_TYPES = {
        "rating".toCharArray(), "yesNo".toCharArray(), "text".toCharArray(), "choice".toCharArray()};

    /** The fields of a response, by their bit in the mask of fields seen. */
    private static final List<String> RESPONSE_FIELDS = List.of("id", "surveyId", "surveyVersion", "respondent",
            "submittedAt", "channel", "answers", "shownOrder");

    private ResponseStreamReader() {
    }

    /**
     * Reads the type of an answer without making a string of it.
     *
     * @return {@link #RATING}, {@link #YES_NO}, {@link #TEXT_TYPE} or {@link #CHOICE}
     */
    private static int answerType(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        for (int type = 0; type < ANSWER_TYPES.length; type++) {
            if (Arrays.equals(ANSWER_TYPES[type], 0, ANSWER_TYPES[type].length, text, offset, offset + length)) {
                return type + 1;
            }
        }
        throw GIVE_UP;
    }

    /** The bit of a field of an answer object, or gives up on an unknown field. */
    private static int answerField(String name) {
        switch (name) {
            case "type":
                return TYPE;
            case "value":
                return VALUE;
            case "text":
                return TEXT;
            case "optionIds":
                return OPTION_IDS;
            case "otherText":
                return OTHER_TEXT;
            default:
                throw GIVE_UP;
        }
    }

    /**
     * Reads one response document to its end.
     *
     * @param parser a fresh parser over the whole document
     * @return the response
     * @throws GiveUp if the document must be read through the tree (it may still be valid)
     * @throws IOException if the parser fails (the tree reading then reports it)
     */
    static Response read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        String id = null;
        String surveyId = null;
        int surveyVersion = 0;
        boolean hasVersion = false;
        Respondent respondent = null;
        String submittedAt = null;
        String channel = null;
        Map<String, Answer> answers = Map.of();
        List<String> shownOrder = List.of();
        int seen = 0;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            int field = RESPONSE_FIELDS.indexOf(name);
            if (field < 0 || (seen & (1 << field)) != 0) {
                throw GIVE_UP;
            }
            seen |= 1 << field;
            switch (field) { // the index in RESPONSE_FIELDS
                case 0:
                    id = requiredString(parser);
                    break;
                case 1:
                    surveyId = requiredString(parser);
                    break;
                case 2:
                    surveyVersion = requiredInt(parser);
                    hasVersion = true;
                    break;
                case 3:
                    respondent = respondent(parser);
                    break;
                case 4:
                    submittedAt = requiredString(parser);
                    break;
                case 5:
                    channel = requiredString(parser);
                    break;
                case 6:
                    answers = answers(parser);
                    break;
                case 7:
                    shownOrder = strings(parser);
                    break;
                default:
                    throw GIVE_UP;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw GIVE_UP;
        }
        if (id == null || surveyId == null || !hasVersion || submittedAt == null || channel == null) {
            throw GIVE_UP;
        }
        Instant submitted = Instants.parse(submittedAt);
        if (submitted == null) {
            throw GIVE_UP;
        }
        try {
            return new Response(id, surveyId, surveyVersion, respondent == null ? Respondent.anonymous() : respondent,
                    submitted, channel, answers, shownOrder);
        } catch (IllegalArgumentException e) {
            throw GIVE_UP;
        }
    }

    private static String requiredString(JsonParser parser) throws IOException {
        String value = parser.nextTextValue();
        if (value == null) {
            throw GIVE_UP;
        }
        return value;
    }

    private static int requiredInt(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw GIVE_UP;
        }
        return parser.getIntValue();
    }

    /** An optional string: null when JSON null. */
    private static @Nullable String optionalString(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw GIVE_UP;
    }

    /** An optional array of strings: empty when JSON null. */
    private static List<String> strings(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
        String first = parser.nextTextValue();
        if (first == null) {
            if (parser.currentToken() == JsonToken.END_ARRAY) {
                return List.of();
            }
            throw GIVE_UP;
        }
        String second = parser.nextTextValue();
        if (second == null) {
            if (parser.currentToken() == JsonToken.END_ARRAY) {
                return List.of(first);
            }
            throw GIVE_UP;
        }
        var values = new ArrayList<String>();
        values.add(first);
        values.add(second);
        String next;
        while ((next = parser.nextTextValue()) != null) {
            values.add(next);
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw GIVE_UP;
        }
        return values;
    }

    private static @Nullable Respondent respondent(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        String customerId = null;
        Map<String, String> attributes = Map.of();
        boolean seenCustomerId = false;
        boolean seenAttributes = false;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            switch (name) {
                case "customerId":
                    if (seenCustomerId) {
                        throw GIVE_UP;
                    }
                    seenCustomerId = true;
                    customerId = optionalString(parser);
                    break;
                case "attributes":
                    if (seenAttributes) {
                        throw GIVE_UP;
                    }
                    seenAttributes = true;
                    attributes = attributes(parser);
                    break;
                default:
                    throw GIVE_UP;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw GIVE_UP;
        }
        try {
            return new Respondent(customerId, attributes);
        } catch (IllegalArgumentException e) {
            throw GIVE_UP;
        }
    }

    private static Map<String, String> attributes(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        var attributes = new Entries();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            attributes.add(name, requiredString(parser));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw GIVE_UP;
        }
        return attributes.toMap();
    }

    private static Map<String, Answer> answers(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        var answers = new Entries();
        String questionId;
        while ((questionId = parser.nextFieldName()) != null) {
            answers.add(questionId, answer(parser));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw GIVE_UP;
        }
        return answers.toMap();
    }

    /** One answer object, its fields in any order; the fields allowed depend on its type. */
    private static Answer answer(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        int present = 0;
        int type = 0;
        JsonToken value = null;
        int intValue = 0;
        String text = null;
        List<String> optionIds = List.of();
        String otherText = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            int field = answerField(name);
            if ((present & field) != 0) {
                throw GIVE_UP;
            }
            present |= field;
            switch (field) {
                case TYPE:
                    type = answerType(parser);
                    break;
                case VALUE:
                    value = parser.nextToken();
                    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                        intValue = parser.getIntValue();
                    } else if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw GIVE_UP;
                    }
                    break;
                case TEXT:
                    text = requiredString(parser);
                    break;
                case OPTION_IDS:
                    optionIds = strings(parser);
                    break;
                case OTHER_TEXT:
                    otherText = optionalString(parser);
                    break;
                default:
                    throw GIVE_UP;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw GIVE_UP;
        }
        switch (type) {
            case RATING:
                if ((present & ~RATING_OR_YES_NO_FIELDS) != 0 || value != JsonToken.VALUE_NUMBER_INT) {
                    throw GIVE_UP;
                }
                return Answer.rating(intValue);
            case YES_NO:
                if ((present & ~RATING_OR_YES_NO_FIELDS) != 0 || value == null
                        || value == JsonToken.VALUE_NUMBER_INT) {
                    throw GIVE_UP;
                }
                return Answer.yesNo(value == JsonToken.VALUE_TRUE);
            case TEXT_TYPE:
                if ((present & ~TEXT_FIELDS) != 0 || text == null) {
                    throw GIVE_UP;
                }
                return Answer.text(text);
            case CHOICE:
                if ((present & ~CHOICE_FIELDS) != 0) {
                    throw GIVE_UP;
                }
                try {
                    return new Answer.Choice(optionIds, otherText);
                } catch (IllegalArgumentException e) {
                    throw GIVE_UP;
                }
            default:
                throw GIVE_UP;
        }
    }
    /**
     * The members of a JSON object, collected straight into an immutable map (what the record constructors would
     * copy them to), with no intermediate {@code HashMap}; a duplicate key gives up.
     */
    private static final class Entries {

        private Object[] keysAndValues = new Object[16];
        private int size;

        void add(String key, Object value) {
            if (2 * size == keysAndValues.length) {
                keysAndValues = Arrays.copyOf(keysAndValues, 2 * keysAndValues.length);
            }
            keysAndValues[2 * size] = key;
            keysAndValues[2 * size + 1] = value;
            size++;
        }

        /** Returns the map; {@code V} is the type of every value added. */
        @SuppressWarnings("unchecked")
        <V> Map<String, V> toMap() {
            Object[] e = keysAndValues;
            Map<?, ?> map;
            try {
                map = switch (size) {
                    case 0 -> Map.of();
                    case 1 -> Map.of(e[0], e[1]);
                    case 2 -> Map.of(e[0], e[1], e[2], e[3]);
                    case 3 -> Map.of(e[0], e[1], e[2], e[3], e[4], e[5]);
                    case 4 -> Map.of(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]);
                    case 5 -> Map.of(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9]);
                    case 6 -> Map.of(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11]);
                    case 7 -> Map.of(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11],
                            e[12], e[13]);
                    case 8 -> Map.of(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11],
                            e[12], e[13], e[14], e[15]);
                    default -> copyOf(e, size);
                };
            } catch (IllegalArgumentException duplicateKey) {
                throw GIVE_UP;
            }
            return (Map<String, V>) map;
        }

        private static Map<Object, Object> copyOf(Object[] keysAndValues, int size) {
            var map = new HashMap<Object, Object>(2 * size);
            for (int i = 0; i < size; i++) {
                if (map.put(keysAndValues[2 * i], keysAndValues[2 * i + 1]) != null) {
                    throw GIVE_UP;
                }
            }
            return Map.copyOf(map);
        }
    }
}
