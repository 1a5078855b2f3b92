package dev.feedbackloop.survey.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes surveys and responses as JSON, in the format documented in the module's {@code JSON.md}.
 * Immutable and thread-safe: create one and share it.
 *
 * <p>Types of questions, answers and conditions are named by a closed {@code "type"} field ({@code "nps"},
 * {@code "rating"}, {@code "choice"}, {@code "text"}, {@code "yesNo"}; {@code "answered"}, {@code "atLeast"},
 * {@code "all"}, ...); class names never appear. Writing then reading gives an equal value.
 *
 * <p>Reading is strict: malformed or truncated JSON, input beyond the {@link JsonLimits}, an unknown or missing
 * field, a value of the wrong type, a duplicate key, content after the document, and values the model rejects
 * (including survey definition rules) all fail with a {@link SurveyJsonException} that names the path, line and
 * column. Bytes must be well-formed UTF-8 (unless UTF-16 or UTF-32): overlong forms, surrogates, code points above
 * U+10FFFF, truncated sequences and stray continuation bytes are refused with the byte offset, before parsing. A
 * leading byte-order mark is skipped alike by the text, reader and byte entry points.
 * Reading does not check a response against its survey; use
 * {@link dev.feedbackloop.survey.ResponseValidator} for that.
 *
 * <p>Design note: this class owns a private {@link ObjectMapper} on its own {@link JsonFactory} (Jackson's global
 * defaults are never changed). Documents are parsed to a tree and mapped by hand, so that every failure has our
 * path and message; the line and column are looked up only when a failure occurs. Responses, which arrive one per
 * request and must be cheap, are first streamed straight into the model with no tree
 * ({@code ResponseStreamReader}); a document that reader does not take as it is, valid or not, is read again
 * through the tree, so every failure is reported by the same mapping.
 */
public final class SurveyJson {

    private static final SurveyJson STANDARD = new SurveyJson(JsonLimits.standard());
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source: [^\\]]*\\]\\)?");

    private final JsonLimits limits;
    private final ObjectMapper mapper;
    private final JsonFactory streamFactory;

    private SurveyJson(JsonLimits limits) {
        this.limits = limits;
        JsonFactory factory = factory(limits).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        // The stream reader detects duplicate keys itself, more cheaply than the parser's per-object name sets.
        this.streamFactory = factory(limits).disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }

    private static JsonFactoryBuilder factory(JsonLimits limits) {
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxDocumentLength())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(Math.min(limits.maxStringLength(), 50_000))
                        .maxNumberLength(limits.maxNumberLength())
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
    }

    /**
     * Returns the instance with the {@linkplain JsonLimits#standard() standard limits}.
     *
     * @return the shared instance
     */
    public static SurveyJson standard() {
        return STANDARD;
    }

    /**
     * Returns an instance with other limits.
     *
     * @param limits the limits on input
     * @return a new instance
     */
    public static SurveyJson withLimits(JsonLimits limits) {
        return new SurveyJson(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Returns the limits on input.
     *
     * @return the limits
     */
    public JsonLimits limits() {
        return limits;
    }

    /**
     * Reads a survey definition.
     *
     * @param json the JSON text
     * @return the survey
     * @throws SurveyJsonException if the text is not a valid survey
     */
    public Survey readSurvey(String json) {
        return read(text(Objects.requireNonNull(json, "json")), ModelReader::survey);
    }

    /**
     * Reads a survey definition from a reader, which is read to its end but not closed.
     *
     * @param json the JSON text
     * @return the survey
     * @throws SurveyJsonException if the text is not a valid survey or is longer than the limit
     * @throws UncheckedIOException if the reader fails
     */
    public Survey readSurvey(Reader json) {
        return read(readAll(json), ModelReader::survey);
    }

    /**
     * Reads a survey definition from bytes in UTF-8 (or UTF-16/32, detected), read to the end but not closed.
     *
     * @param json the JSON bytes
     * @return the survey
     * @throws SurveyJsonException if the bytes are not a valid survey or are longer than the limit
     * @throws UncheckedIOException if the stream fails
     */
    public Survey readSurvey(InputStream json) {
        return read(readAll(json), ModelReader::survey);
    }

    /**
     * Reads a survey definition from bytes in UTF-8 (or UTF-16/32, detected); the array is not modified or kept.
     *
     * @param json the JSON bytes
     * @return the survey
     * @throws SurveyJsonException if the bytes are not a valid survey or are longer than the limit
     */
    public Survey readSurvey(byte[] json) {
        return read(bytes(Objects.requireNonNull(json, "json")), ModelReader::survey);
    }

    /**
     * Reads a response.
     *
     * @param json the JSON text
     * @return the response, not yet validated against its survey
     * @throws SurveyJsonException if the text is not a valid response
     */
    public Response readResponse(String json) {
        return readResponse(text(Objects.requireNonNull(json, "json")));
    }

    /**
     * Reads a response from a reader, which is read to its end but not closed.
     *
     * @param json the JSON text
     * @return the response, not yet validated against its survey
     * @throws SurveyJsonException if the text is not a valid response or is longer than the limit
     * @throws UncheckedIOException if the reader fails
     */
    public Response readResponse(Reader json) {
        return readResponse(readAll(json));
    }

    /**
     * Reads a response from bytes in UTF-8 (or UTF-16/32, detected), read to the end but not closed.
     *
     * @param json the JSON bytes
     * @return the response, not yet validated against its survey
     * @throws SurveyJsonException if the bytes are not a valid response or are longer than the limit
     * @throws UncheckedIOException if the stream fails
     */
    public Response readResponse(InputStream json) {
        return readResponse(readAll(json));
    }

    /**
     * Reads a response from bytes in UTF-8 (or UTF-16/32, detected), for example a message body; the array is
     * not modified or kept.
     *
     * @param json the JSON bytes
     * @return the response, not yet validated against its survey
     * @throws SurveyJsonException if the bytes are not a valid response or are longer than the limit
     */
    public Response readResponse(byte[] json) {
        return readResponse(bytes(Objects.requireNonNull(json, "json")));
    }

    /**
     * Writes a survey definition as pretty-printed JSON.
     *
     * @param survey the survey
     * @return the JSON text
     */
    public String write(Survey survey) {
        return write(ModelWriter.survey(Objects.requireNonNull(survey, "survey")), true);
    }

    /**
     * Writes a response as compact JSON on one line (suitable for JSON Lines).
     *
     * @param response the response
     * @return the JSON text
     */
    public String write(Response response) {
        return write(ModelWriter.response(Objects.requireNonNull(response, "response")), false);
    }

    private String write(JsonNode node, boolean pretty) {
        try {
            return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    /** A whole document in memory: text or bytes. */
    private record Input(@Nullable String text, byte @Nullable [] bytes) {

        JsonParser parser(JsonFactory factory) throws IOException {
            return text != null ? factory.createParser(text) : factory.createParser(Objects.requireNonNull(bytes));
        }
    }

    private Input readAll(Reader reader) {
        Objects.requireNonNull(reader, "json");
        var text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int read;
            while ((read = reader.read(buffer)) != -1) {
                text.append(buffer, 0, read);
                if (text.length() > limits.maxDocumentLength()) {
                    throw tooLong("characters");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON failed", e);
        }
        return text(text.toString());
    }

    /**
     * A whole document as text. A leading byte-order mark is dropped, as the byte entry points drop it while
     * detecting the encoding, so that every entry point reads the same document alike.
     */
    private static Input text(String json) {
        return new Input(json.startsWith("\uFEFF") ? json.substring(1) : json, null);
    }

    private Input readAll(InputStream stream) {
        Objects.requireNonNull(stream, "json");
        try {
            return bytes(stream.readNBytes(limits.maxDocumentLength() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON failed", e);
        }
    }

    /** Checks a whole document in bytes: within the length limit and well-formed UTF-8. */
    private Input bytes(byte[] json) {
        if (json.length > limits.maxDocumentLength()) {
            throw tooLong("bytes");
        }
        Utf8.requireValid(json);
        return new Input(null, json);
    }

    private SurveyJsonException tooLong(String unit) {
        return new SurveyJsonException("", "the document is longer than " + limits.maxDocumentLength() + " "
                + unit, 0, 0, List.of(), null);
    }

    /** Streams the document into a response; a document the stream reader gives up on goes through the tree. */
    private Response readResponse(Input input) {
        try (JsonParser parser = input.parser(streamFactory)) {
            return ResponseStreamReader.read(parser);
        } catch (IOException | RuntimeException e) {
            // Not taken as it is (or not valid at all): the tree mapping decides and reports.
        }
        return read(input, ModelReader::response);
    }

    /** Reads a response through the tree mapping alone, as every response was read before streaming; for tests. */
    Response readResponseThroughTree(String json) {
        return read(new Input(json, null), ModelReader::response);
    }

    /** Returns the factory of the stream reader's parsers; for tests. */
    JsonFactory streamFactory() {
        return streamFactory;
    }

    private <T> T read(Input input, Function<JsonNode, T> mapping) {
        JsonNode root = parse(input);
        try {
            return mapping.apply(root);
        } catch (MappingFailure failure) {
            JsonLocation location = null;
            try {
                location = JsonPaths.locate(input.parser(mapper.getFactory()), failure.path);
            } catch (IOException e) {
                // No location then; the path still says where.
            }
            throw new SurveyJsonException(failure.path, failure.problem,
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    failure.violations, null);
        }
    }

    private JsonNode parse(Input input) {
        JsonParser parser = null;
        try {
            parser = input.parser(mapper.getFactory());
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new SurveyJsonException("", "the document is empty; expected a JSON object", 1, 1, List.of(),
                        null);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SurveyJsonException("", "unexpected content after the end of the document",
                        at.getLineNr(), at.getColumnNr(), List.of(),
                        null);
            }
            return root;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SurveyJsonException json) {
                throw json;
            }
            throw syntaxError(e, parser);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // Closing an in-memory parser cannot fail in a way that matters.
                }
            }
        }
    }

    private static SurveyJsonException syntaxError(Exception e, @Nullable JsonParser parser) {
        String path = "";
        JsonLocation location = null;
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            path = JsonPaths.path(read.getProcessor().getParsingContext());
            location = read.getLocation();
        } else if (parser != null) {
            path = JsonPaths.path(parser.getParsingContext());
        }
        if (location == null && e instanceof JsonProcessingException processing) {
            location = processing.getLocation();
        }
        if (location == null && parser != null) {
            location = parser.currentLocation();
        }
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                : e.getMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return new SurveyJsonException(path, "unexpected content after the end of the document",
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    List.of(), null);
        }
        message = message == null ? e.getClass().getSimpleName() : SOURCE.matcher(message).replaceAll("");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return new SurveyJsonException(path, "malformed JSON: " + message.strip(),
                location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                List.of(), e);
    }
}
