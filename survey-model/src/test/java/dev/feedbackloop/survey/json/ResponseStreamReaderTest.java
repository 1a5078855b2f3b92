package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed response reading gives exactly what the tree mapping gives: an equal response, or the same
 * {@link SurveyJsonException} message (path, problem, line and column). Seeded; rerun with
 * {@code -Dfeedbackloop.seed=N}.
 */
@ExtendWith(Seeds.class)
final class ResponseStreamReaderTest {

    private static final SurveyJson JSON = SurveyJson.standard();
    private static final String DETRACTOR = SurveyJsonTest.resource("responses/detractor.json");
    private static final List<String> JUNK = List.of("null", "true", "false", "0", "-1", "1.5", "4.0", "1e3",
            "2147483648", "\"\"", "\" \"", "\"x\"", "[]", "[\"a\",\"a\"]", "[null]", "[1]", "{}",
            "{\"type\":\"rating\"}", "{\"type\":\"rating\",\"value\":null}", "{\"type\":\"yesNo\",\"value\":1}",
            "\"2024-02-30T10:15:30Z\"", "\"2024-03-05T10:15:30+01:00\"");

    /** Reads with the stream reader alone: the response, or {@code null} when it gives up. */
    private static Response streamed(String json) {
        try (JsonParser parser = JSON.streamFactory().createParser(json)) {
            return ResponseStreamReader.read(parser);
        } catch (IOException | ResponseStreamReader.GiveUp e) {
            return null;
        }
    }

    /** The outcome of a read: the response, or the failure's message. */
    private static Object outcome(java.util.function.Supplier<Response> read) {
        try {
            return read.get();
        } catch (SurveyJsonException e) {
            return "failure: " + e.getMessage() + " at " + e.path() + " " + e.line() + ":" + e.column();
        }
    }

    @Nested
    final class ValidDocuments {

        @Test
        void exampleResponse_isStreamedToTheSameResponseAsTheTree() {
            Response streamed = streamed(DETRACTOR);

            assertThat(streamed).isNotNull().isEqualTo(JSON.readResponseThroughTree(DETRACTOR));
            assertThat(streamed.answer("reason")).isEqualTo(new Answer.Choice(List.of("bugs"),
                    "The app is slow on Mondays"));
        }

        @Test
        void fieldsInAnyOrderAndNullOptionals_areStreamed() {
            String json = "{\"answers\":{\"q\":{\"value\":true,\"type\":\"yesNo\"},\"c\":{\"otherText\":null,"
                    + "\"optionIds\":null,\"type\":\"choice\"}},\"channel\":\"web\",\"shownOrder\":null,"
                    + "\"respondent\":{\"attributes\":null,\"customerId\":null},\"submittedAt\":"
                    + "\"2024-03-05T10:15:30.5Z\",\"surveyVersion\":2,\"surveyId\":\"s\",\"id\":\"r\"}";

            Response streamed = streamed(json);

            assertThat(streamed).isNotNull().isEqualTo(JSON.readResponseThroughTree(json));
            assertThat(streamed.respondent()).isEqualTo(Respondent.anonymous());
            assertThat(streamed.submittedAt()).isEqualTo(Instant.parse("2024-03-05T10:15:30.500Z"));
        }

        @Test
        void writtenResponses_areStreamedBackToEqualResponses(Seed seed) {
            var random = seed.random();
            for (int i = 0; i < 500; i++) {
                Response response = randomResponse(random);
                String json = JSON.write(response);

                assertThat(streamed(json)).as("seed %d, response %d: %s", seed.value(), i, json).isEqualTo(response);
            }
        }

        @Test
        void everyEntryPoint_readsTheSameResponse() {
            byte[] bytes = DETRACTOR.getBytes(StandardCharsets.UTF_8);
            Response expected = JSON.readResponseThroughTree(DETRACTOR);

            assertThat(JSON.readResponse(DETRACTOR)).isEqualTo(expected);
            assertThat(JSON.readResponse(bytes)).isEqualTo(expected);
            assertThat(JSON.readResponse(new ByteArrayInputStream(bytes))).isEqualTo(expected);
            assertThat(JSON.readResponse(new StringReader(DETRACTOR))).isEqualTo(expected);
        }
    }

    @Nested
    final class InvalidDocuments {

        @ParameterizedTest
        @ValueSource(strings = {
            "", "[]", "{}", "{\"id\":\"r\"} {}", "{\"id\":\"r\",\"id\":\"r\"}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\","
                    + "\"channel\":\"w\",\"colour\":1}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\","
                    + "\"channel\":\"w\",\"answers\":{\"nps\":{\"type\":\"rating\",\"value\":\"9\"}}}",
            "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\","
                    + "\"channel\":\"w\",\"answers\":{\"q\":{\"type\":\"text\",\"text\":\"x\",\"value\":1}}}",
            "{\"id\":\" \",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\","
                    + "\"channel\":\"w\"}"
        })
        void invalidDocument_isRefusedByTheStreamAndReportedAsByTheTree(String json) {
            assertThat(streamed(json)).isNull();
            assertThat(outcome(() -> JSON.readResponse(json))).isInstanceOf(String.class)
                    .isEqualTo(outcome(() -> JSON.readResponseThroughTree(json)));
        }

        @Test
        void tooLongBytes_areRefusedBeforeParsing() {
            SurveyJson strict = SurveyJson.withLimits(new JsonLimits(10, 16, 100, 10));

            assertThatThrownBy(() -> strict.readResponse(DETRACTOR.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SurveyJsonException.class)
                    .hasMessage("document: the document is longer than 10 bytes");
        }
    }

    @Test
    void mutatedDocuments_readExactlyAsThroughTheTree(Seed seed) {
        var random = seed.random();
        int streamedCount = 0;
        int failures = 0;
        for (int i = 0; i < 4_000; i++) {
            Map<String, Object> document = document(random);
            int mutations = random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(document, random);
            }
            String json = render(document, random);
            String label = "seed " + seed.value() + ", document " + i + ": " + json;

            Object tree = outcome(() -> JSON.readResponseThroughTree(json));
            Response streamed = streamed(json);
            if (streamed != null) {
                streamedCount++;
                assertThat((Object) streamed).as(label).isEqualTo(tree);
            }
            assertThat(outcome(() -> JSON.readResponse(json))).as(label).isEqualTo(tree);
            failures += tree instanceof String ? 1 : 0;
        }
        assertThat(streamedCount).isGreaterThan(1_000);
        assertThat(failures).isGreaterThan(1_000);
    }

    // ---- generated documents -------------------------------------------------------------------------------

    private static Response randomResponse(Random random) {
        var builder = Response.builder(pick(random, "r-1", "0b6c6f0e-3c1f", "é-\uD83D\uDE00", "a\"b\\c"),
                pick(random, "s", "support-ticket"), 1 + random.nextInt(5),
                Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextBoolean() ? 0
                        : random.nextInt(1_000_000_000)));
        if (random.nextBoolean()) {
            var attributes = new LinkedHashMap<String, String>();
            for (int a = random.nextInt(4); a > 0; a--) {
                attributes.put("k" + random.nextInt(10), pick(random, "pro", "", "EU", "ü\n"));
            }
            builder.respondent(random.nextBoolean() ? Respondent.of("c-" + random.nextInt(100), attributes)
                    : new Respondent(null, attributes));
        }
        builder.channel(pick(random, "web", "email", "in-app"));
        for (int q = random.nextInt(6); q > 0; q--) {
            builder.answer("q" + q, switch (random.nextInt(4)) {
                case 0 -> Answer.rating(random.nextInt(21) - 10);
                case 1 -> Answer.yesNo(random.nextBoolean());
                case 2 -> Answer.text(pick(random, "", " ", "Faster, please.", "\u0000", "é\uD83D\uDE00"));
                default -> new Answer.Choice(random.nextBoolean() ? List.of() : List.of("a", "b"),
                        random.nextBoolean() ? null : "other");
            });
        }
        if (random.nextBoolean()) {
            builder.shownOrder(random.nextBoolean() ? List.of() : List.of("q1", "q2", "q1"));
        }
        return builder.build();
    }

    /** A valid response document as a tree of maps whose leaves are JSON text. */
    private static Map<String, Object> document(Random random) {
        var document = new LinkedHashMap<String, Object>();
        document.put("id", quote(pick(random, "r-1", "0b6c6f0e-3c1f", "é")));
        document.put("surveyId", quote("s"));
        document.put("surveyVersion", Integer.toString(1 + random.nextInt(3)));
        if (random.nextBoolean()) {
            var respondent = new LinkedHashMap<String, Object>();
            if (random.nextBoolean()) {
                respondent.put("customerId", random.nextInt(4) == 0 ? "null" : quote("c-1"));
            }
            if (random.nextBoolean()) {
                var attributes = new LinkedHashMap<String, Object>();
                for (int a = random.nextInt(3); a > 0; a--) {
                    attributes.put("k" + a, quote(pick(random, "pro", "EU", "")));
                }
                respondent.put("attributes", attributes);
            }
            document.put("respondent", respondent);
        }
        document.put("submittedAt", quote(pick(random, "2024-03-05T10:15:30Z", "2024-02-29T23:59:59.123Z",
                "1970-01-01T00:00:00.000000001Z", "2024-03-05T10:15:30+02:00", "2024-03-05t10:15:30z")));
        document.put("channel", quote(pick(random, "web", "email")));
        if (random.nextInt(4) > 0) {
            var answers = new LinkedHashMap<String, Object>();
            for (int q = random.nextInt(5); q > 0; q--) {
                var answer = new LinkedHashMap<String, Object>();
                switch (random.nextInt(4)) {
                    case 0 -> {
                        answer.put("type", quote("rating"));
                        answer.put("value", Integer.toString(random.nextInt(11)));
                    }
                    case 1 -> {
                        answer.put("type", quote("yesNo"));
                        answer.put("value", Boolean.toString(random.nextBoolean()));
                    }
                    case 2 -> {
                        answer.put("type", quote("text"));
                        answer.put("text", quote(pick(random, "Slow", "é")));
                    }
                    default -> {
                        answer.put("type", quote("choice"));
                        if (random.nextBoolean()) {
                            answer.put("optionIds", pick(random, "[]", "[\"a\"]", "[\"a\",\"b\"]",
                                    "[\"a\",\"b\",\"c\"]"));
                        }
                        if (random.nextBoolean()) {
                            answer.put("otherText", pick(random, "null", quote("other")));
                        }
                    }
                }
                answers.put("q" + q, answer);
            }
            document.put("answers", answers);
        }
        if (random.nextBoolean()) {
            document.put("shownOrder", pick(random, "[]", "[\"q1\"]", "[\"q1\",\"q2\"]", "null"));
        }
        return document;
    }

    /** Replaces, removes, duplicates or adds one field somewhere in the document. */
    @SuppressWarnings("unchecked")
    private static void mutate(Map<String, Object> document, Random random) {
        Map<String, Object> target = document;
        while (true) {
            List<String> objects = new ArrayList<>();
            target.forEach((name, value) -> {
                if (value instanceof Map) {
                    objects.add(name);
                }
            });
            if (objects.isEmpty() || random.nextInt(3) == 0) {
                break;
            }
            target = (Map<String, Object>) target.get(objects.get(random.nextInt(objects.size())));
        }
        List<String> names = new ArrayList<>(target.keySet());
        String name = names.isEmpty() ? "extra" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> target.put(name, pick(random, JUNK.toArray(new String[0])));
            case 1 -> target.remove(name);
            case 2 -> target.put("colour", "1");
            default -> target.put(name + "\u0000dup", target.getOrDefault(name, "1"));
        }
    }

    /** Renders the document with fields in random order; a key ending in NUL renders as a duplicate. */
    @SuppressWarnings("unchecked")
    private static String render(Object value, Random random) {
        if (!(value instanceof Map)) {
            return (String) value;
        }
        var entries = new ArrayList<>(((Map<String, Object>) value).entrySet());
        Collections.shuffle(entries, random);
        var text = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : entries) {
            if (text.length() > 1) {
                text.append(random.nextBoolean() ? "," : ",\n ");
            }
            text.append(quote(entry.getKey().replace("\u0000dup", ""))).append(':')
                    .append(render(entry.getValue(), random));
        }
        return text.append('}').toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String pick(Random random, String... choices) {
        return Objects.requireNonNull(choices[random.nextInt(choices.length)]);
    }
}
