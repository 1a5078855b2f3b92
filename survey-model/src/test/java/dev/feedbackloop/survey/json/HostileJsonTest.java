package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and hostile input only ever yields {@link SurveyJsonException}, never another failure. */
@ExtendWith(Seeds.class)
final class HostileJsonTest {

    private static final SurveyJson JSON = SurveyJson.standard();
    private static final String SURVEY = SurveyJsonTest.resource("examples/support-ticket.json");
    private static final String RESPONSE = SurveyJsonTest.resource("responses/detractor.json");
    private static final List<String> JUNK = List.of("null", "1e999", "-0", "1.0", "true", "\"\"", "\"\\u0000\"",
            "{", "}", "[", "]", ",", ":", "\"type\":\"nps\"", "\"id\":\"x\",", "99999999999999999999", "\"\\uD800\"",
            "/*", "'", "\u00e9", "\uFEFF", "NaN", "\"type\":\"all\",\"conditions\":[]");

    /** Runs a read and fails the test on anything but our exception. */
    private static void onlyOurException(String label, Runnable read) {
        try {
            read.run();
        } catch (SurveyJsonException e) {
            assertThat(e.getMessage()).as(label).isNotBlank().doesNotContain("com.fasterxml").doesNotContain("\tat ");
        } catch (Throwable t) {
            fail(label + ": expected SurveyJsonException or success, got " + t, t);
        }
    }

    static Stream<Consumer<String>> readers() {
        return Stream.of(JSON::readSurvey, JSON::readResponse);
    }

    @Test
    void truncatedAtEveryPosition_failsWithOurException() {
        for (String document : List.of(SURVEY, RESPONSE)) {
            int failures = 0;
            for (int end = 0; end < document.strip().length(); end++) {
                String prefix = document.substring(0, end);
                var label = "prefix of length " + end;
                onlyOurException(label, () -> JSON.readSurvey(prefix));
                onlyOurException(label, () -> JSON.readResponse(prefix));
                try {
                    JSON.readSurvey(prefix);
                } catch (SurveyJsonException e) {
                    failures++;
                }
            }
            assertThat(failures).isEqualTo(document.strip().length());
        }
    }

    @Test
    void randomByteFlips_failWithOurExceptionOrStillRead(Seed seed) {
        var random = seed.random();
        byte[] original = SURVEY.getBytes(StandardCharsets.UTF_8);
        int rejected = 0;
        for (int round = 0; round < 3_000; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            var label = "seed " + seed.value() + " round " + round;
            try {
                JSON.readSurvey(new ByteArrayInputStream(bytes));
            } catch (SurveyJsonException e) {
                rejected++;
            } catch (Throwable t) {
                fail(label + ": expected SurveyJsonException or success, got " + t, t);
            }
        }
        assertThat(rejected).isGreaterThan(1_000);
    }

    @Test
    void randomJunkSpliced_failsWithOurExceptionOrStillReads(Seed seed) {
        var random = seed.random();
        for (int round = 0; round < 3_000; round++) {
            String base = random.nextBoolean() ? SURVEY : RESPONSE;
            var text = new StringBuilder(base);
            for (int k = 0; k <= random.nextInt(3); k++) {
                int at = random.nextInt(text.length() + 1);
                if (random.nextBoolean()) {
                    text.insert(at, JUNK.get(random.nextInt(JUNK.size())));
                } else {
                    int to = Math.min(text.length(), at + 1 + random.nextInt(12));
                    text.replace(at, to, JUNK.get(random.nextInt(JUNK.size())));
                }
            }
            String document = text.toString();
            onlyOurException("seed " + seed.value() + " round " + round, () -> JSON.readSurvey(document));
            onlyOurException("seed " + seed.value() + " round " + round, () -> JSON.readResponse(document));
        }
    }

    static Stream<String> hostile() {
        String deepArrays = "[".repeat(100_000);
        String deepConditions = "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"nps\",\"id\":\"a\","
                + "\"prompt\":\"P\",\"condition\":" + "{\"type\":\"not\",\"condition\":".repeat(5_000) + "{}"
                + "}".repeat(5_000) + "}]}";
        return Stream.of(
                deepArrays,
                deepConditions,
                "{\"id\":\"" + "x".repeat(2_000_000) + "\"}",
                "{\"" + "k".repeat(100_000) + "\":1}",
                "{\"version\":" + "9".repeat(5_000) + "}",
                "{\"id\":\"s\",\"id\":\"s\"}",
                "{\"id\":\"s\"} trailing",
                "{\"id\":\"s\"}}",
                "\"just a string\"",
                "42",
                "null",
                "{\"id\": [\"not\", \"a\", \"string\"]}",
                "{\"questions\": {\"type\": \"nps\"}}",
                "\u0000\u0001\u0002",
                "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[null]}",
                "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":null}]}",
                "{\"id\":\"s\",\"version\":1,\"title\":{\"text\":\"T\",\"translations\":{\"de\":5}},\"questions\":[]}",
                "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"rating\",\"id\":\"r\",\"prompt\":\"P\","
                        + "\"kind\":\"csat\",\"scale\":{\"min\":1,\"max\":5,\"labels\":{\"9\":\"x\"}}}]}",
                "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"rating\",\"id\":\"r\",\"prompt\":\"P\","
                        + "\"kind\":\"csat\",\"scale\":{\"min\":1,\"max\":5,\"labels\":{\"01\":\"x\"}}}]}",
                "{\"id\":\"r\",\"surveyId\":\"s\",\"surveyVersion\":1,\"submittedAt\":\"2024-01-01T00:00:00Z\","
                        + "\"channel\":\"w\",\"answers\":[]}");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileDocument_failsWithOurException(String document) {
        readers().forEach(reader -> {
            try {
                reader.accept(document);
                fail("expected a failure for a hostile document");
            } catch (SurveyJsonException e) {
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(1_000);
            }
        });
    }

    @Test
    void deepConditionWithinLimits_reads() {
        String nested = "{\"type\":\"not\",\"condition\":".repeat(20) + "{\"type\":\"answered\",\"question\":\"a\"}"
                + "}".repeat(20);
        String survey = "{\"id\":\"s\",\"version\":1,\"title\":\"S\",\"questions\":[{\"type\":\"nps\",\"id\":\"a\","
                + "\"prompt\":\"P\"},{\"type\":\"yesNo\",\"id\":\"b\",\"prompt\":\"P\",\"condition\":" + nested + "}]}";

        assertThat(JSON.readSurvey(survey).questions()).hasSize(2);
    }
}
