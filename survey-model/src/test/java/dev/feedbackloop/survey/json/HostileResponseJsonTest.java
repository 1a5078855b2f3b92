package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile responses, and the input kinds {@link HostileJsonTest} leaves out (20 MB strings, invalid UTF-8, NUL bytes,
 * BOMs, wrong types, huge numbers, deep nesting), through every read entry point (text, reader, bytes): only
 * {@link SurveyJsonException} or a successful read, never another exception, a hang or an out-of-memory.
 */
@ExtendWith(Seeds.class)
final class HostileResponseJsonTest {

    private static final SurveyJson JSON = SurveyJson.standard();
    private static final String RESPONSE = SurveyJsonTest.resource("responses/detractor.json");
    private static final String SURVEY = SurveyJsonTest.resource("examples/support-ticket.json");
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** Reads bytes through every entry point; returns how many entry points refused them. */
    private static int readEveryWay(String label, byte[] bytes) {
        int refused = 0;
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Runnable> reads = List.of(
                () -> JSON.readResponse(new ByteArrayInputStream(bytes)),
                () -> JSON.readResponse(text),
                () -> JSON.readResponse(new StringReader(text)),
                () -> JSON.readSurvey(new ByteArrayInputStream(bytes)));
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (SurveyJsonException e) {
                assertThat(e.getMessage()).as(label).isNotBlank().hasSizeLessThan(2_000)
                        .doesNotContain("com.fasterxml");
                refused++;
            } catch (Throwable t) {
                fail(label + ": expected SurveyJsonException or success, got " + t, t);
            }
        }
        return refused;
    }

    @Test
    void responseTruncatedAtEveryByte_isRefusedEveryWay() {
        byte[] original = RESPONSE.strip().getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int end = 0; end < original.length; end++) {
                assertThat(readEveryWay("prefix " + end, Arrays.copyOf(original, end))).isEqualTo(4);
            }
        });
    }

    @Test
    void responseByteFlips_failWithOurExceptionOrStillRead(Seed seed) {
        var random = seed.random();
        byte[] original = RESPONSE.getBytes(StandardCharsets.UTF_8);
        int[] refused = {0};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 3_000; round++) {
                byte[] bytes = original.clone();
                for (int f = 0; f <= random.nextInt(3); f++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                refused[0] += readEveryWay("seed " + seed.value() + " round " + round, bytes) > 0 ? 1 : 0;
            }
        });
        assertThat(refused[0]).isGreaterThan(1_000);
    }

    @Test
    void wrongTypesForEveryField_areRefused() {
        List<String> values = List.of("null", "true", "0", "-1", "1.5", "1e400", "99999999999999999999", "\"\"",
                "\"x\"", "[]", "{}", "[null]", "{\"type\":\"rating\"}", "\"\\u0000\"");
        List<String> fields = List.of("id", "surveyId", "surveyVersion", "respondent", "submittedAt", "channel",
                "answers");
        int cases = 0;
        int refused = 0;
        for (String field : fields) {
            for (String value : values) {
                String document = RESPONSE.replaceFirst("\"" + field + "\":\\s*(\"[^\"]*\"|\\d+|\\{[^}]*\\}\\}?)",
                        "\"" + field + "\": " + value);
                cases++;
                refused += readEveryWay(field + " = " + value, document.getBytes(StandardCharsets.UTF_8)) > 0 ? 1 : 0;
            }
        }
        assertThat(refused).isGreaterThan(cases * 3 / 4);
    }

    /** Documents that every response read must refuse, then documents that may read (lenient but safe). */
    static Stream<Arguments> hostileDocuments() {
        var documents = new ArrayList<byte[]>();
        String twentyMegabytes = "x".repeat(20 * 1024 * 1024);
        documents.add(RESPONSE.replace("Reply faster, please.", twentyMegabytes).getBytes(StandardCharsets.UTF_8));
        documents.add(("{\"id\":\"" + twentyMegabytes + "\"}").getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"value\": 4", "\"value\": " + "9".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"value\": 4", "\"value\": 1e999999999").getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"value\": 4", "\"value\": 4.0").getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"value\": 4", "\"value\": 2147483648").getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"surveyVersion\": 3", "\"surveyVersion\": -3")
                .getBytes(StandardCharsets.UTF_8));
        documents.add(("{\"answers\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        documents.add(("[".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("c-1042", "c\u0000-1042").getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"id\"", "\"i\u0000d\"").getBytes(StandardCharsets.UTF_8));
        byte[] invalidUtf8 = RESPONSE.replace("Reply faster", "Reply @@@ faster").getBytes(StandardCharsets.UTF_8);
        int at = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("@@@");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        invalidUtf8[at + 2] = (byte) 0xFF;
        int mustRefuse = documents.size();
        documents.add(invalidUtf8);
        byte[] overlong = RESPONSE.replace("Reply faster", "Reply @@ faster").getBytes(StandardCharsets.UTF_8);
        int at2 = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("@@");
        overlong[at2] = (byte) 0xC0;
        overlong[at2 + 1] = (byte) 0xAF;
        documents.add(overlong);
        documents.add(("\uFEFF\uFEFF" + RESPONSE).getBytes(StandardCharsets.UTF_8));
        documents.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'});
        documents.add(new byte[] {0, 0, 0, 0, 0, 0, 0, 0});
        documents.add(new byte[0]);
        documents.add(RESPONSE.replace("\"answers\": {", "\"answers\": {\"nps\": {\"type\": \"rating\", \"value\": 1},")
                .getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("\"type\": \"text\"", "\"type\": \"java.lang.Runtime\"")
                .getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("2024-03-05T10:15:30Z", "+999999999-12-31T23:59:59Z")
                .getBytes(StandardCharsets.UTF_8));
        documents.add(RESPONSE.replace("2024-03-05T10:15:30Z", "2024-02-30T10:15:30Z")
                .getBytes(StandardCharsets.UTF_8));
        var arguments = new ArrayList<Arguments>();
        for (int i = 0; i < documents.size(); i++) {
            arguments.add(Arguments.of(documents.get(i), i < mustRefuse));
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("hostileDocuments")
    void hostileDocument_isRefusedWithOurExceptionOrReadSafely(byte[] document, boolean mustRefuse) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            int refused = readEveryWay("hostile document of " + document.length + " bytes", document);
            if (mustRefuse) {
                // the three response reads and the survey read
                assertThat(refused).isEqualTo(4);
            }
        });
    }

    @Test
    void invalidUtf8Bytes_areRefused() {
        byte[] bytes = RESPONSE.getBytes(StandardCharsets.UTF_8);
        int at = RESPONSE.indexOf("Reply");
        bytes[at] = (byte) 0xFF;

        assertThatThrownBy(() -> JSON.readResponse(new ByteArrayInputStream(bytes)))
                .isInstanceOf(SurveyJsonException.class);
    }

    @Test
    void leadingBom_isAcceptedOnBytes() {
        byte[] withBom = ("\uFEFF" + RESPONSE).getBytes(StandardCharsets.UTF_8);

        assertThat(JSON.readResponse(new ByteArrayInputStream(withBom)).id())
                .isEqualTo("0b6c6f0e-3c1f-4f5e-9d7a-2f1c9e5b8a10");
    }

    @Test
    void leadingBom_isTreatedAlikeByTheTextReaderAndByteEntryPoints() {
        String withBom = "\uFEFF" + RESPONSE;
        byte[] bytes = withBom.getBytes(StandardCharsets.UTF_8);
        var outcomes = new java.util.LinkedHashMap<String, String>();
        outcomes.put("String", outcome(() -> JSON.readResponse(withBom).id()));
        outcomes.put("Reader", outcome(() -> JSON.readResponse(new StringReader(withBom)).id()));
        outcomes.put("InputStream", outcome(() -> JSON.readResponse(new ByteArrayInputStream(bytes)).id()));
        outcomes.put("byte[]", outcome(() -> JSON.readResponse(bytes).id()));

        assertThat(outcomes.values()).containsOnly("0b6c6f0e-3c1f-4f5e-9d7a-2f1c9e5b8a10");
    }

    private static String outcome(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (SurveyJsonException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void surveyWithTwentyMegabyteTitle_isRefused() {
        String huge = SURVEY.replace("After your support ticket", "t".repeat(20 << 20));

        assertTimeoutPreemptively(HANG_GUARD, () -> assertThat(readEveryWay("20 MB title",
                huge.getBytes(StandardCharsets.UTF_8))).isEqualTo(4));
    }
}
