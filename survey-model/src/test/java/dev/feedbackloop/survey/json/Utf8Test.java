package dev.feedbackloop.survey.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict UTF-8 validation of byte input: the validator alone, against the JDK decoder, and through every entry. */
@ExtendWith(Seeds.class)
final class Utf8Test {

    private static final SurveyJson JSON = SurveyJson.standard();
    private static final String RESPONSE = SurveyJsonTest.resource("responses/detractor.json");
    private static final String SURVEY = SurveyJsonTest.resource("examples/support-ticket.json");

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("ASCII", "41 7F 00"),
                Arguments.of("2 bytes, lowest", "C2 80"),
                Arguments.of("2 bytes, highest", "DF BF"),
                Arguments.of("3 bytes, lowest", "E0 A0 80"),
                Arguments.of("3 bytes, before surrogates", "ED 9F BF"),
                Arguments.of("3 bytes, after surrogates", "EE 80 80"),
                Arguments.of("3 bytes, highest", "EF BF BF"),
                Arguments.of("BOM", "EF BB BF"),
                Arguments.of("4 bytes, lowest", "F0 90 80 80"),
                Arguments.of("4 bytes, highest (U+10FFFF)", "F4 8F BF BF"),
                Arguments.of("mixed, past the 8-byte fast path", "41 42 43 44 45 46 47 48 49 C3 A9 E2 82 AC F0 9F 98 80"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void wellFormedSequences_areAccepted(String label, String hex) {
        byte[] bytes = hex(hex);
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).as(label).isEqualTo(-1);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("overlong C0", "41 C0 AF", 1, "overlong"),
                Arguments.of("overlong C1", "C1 BF", 0, "overlong"),
                Arguments.of("overlong E0 80", "E0 80 AF", 0, "overlong"),
                Arguments.of("overlong E0 9F", "E0 9F BF", 0, "overlong"),
                Arguments.of("overlong F0 80", "F0 80 80 AF", 0, "overlong"),
                Arguments.of("overlong F0 8F", "F0 8F BF BF", 0, "overlong"),
                Arguments.of("surrogate ED A0", "ED A0 80", 0, "surrogate"),
                Arguments.of("surrogate ED BF", "41 41 ED BF BF", 2, "surrogate"),
                Arguments.of("above U+10FFFF, F4 90", "F4 90 80 80", 0, "above U+10FFFF"),
                Arguments.of("above U+10FFFF, F5", "F5 80 80 80", 0, "above U+10FFFF"),
                Arguments.of("lead F7", "F7 BF BF BF", 0, "above U+10FFFF"),
                Arguments.of("byte F8", "F8 88 80 80 80", 0, "never occurs"),
                Arguments.of("byte FF", "41 FF", 1, "never occurs"),
                Arguments.of("truncated 2-byte at end", "41 C3", 1, "at the end"),
                Arguments.of("truncated 3-byte at end", "E2 82", 0, "at the end"),
                Arguments.of("truncated 4-byte at end", "F0 9F 98", 0, "at the end"),
                Arguments.of("truncated 2-byte before ASCII", "C3 28", 0, "not a continuation"),
                Arguments.of("truncated 3-byte before ASCII", "E2 82 41", 0, "not a continuation"),
                Arguments.of("truncated 4-byte before a lead", "F0 9F 98 C3 A9", 0, "not a continuation"),
                Arguments.of("stray continuation", "41 80", 1, "continuation byte 0x80"),
                Arguments.of("stray continuation after a sequence", "C3 A9 BF", 2, "continuation byte 0xBF"),
                Arguments.of("stray continuation after the fast path", "41 41 41 41 41 41 41 41 41 41 A9", 10,
                        "continuation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedSequences_areRejectedWithOffsetAndReason(String label, String hex, int offset, String reason) {
        byte[] bytes = hex(hex);
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).as(label).isEqualTo(offset);
        assertThatThrownBy(() -> Utf8.requireValid(bytes)).as(label)
                .isInstanceOf(SurveyJsonException.class)
                .hasMessageStartingWith("document: invalid UTF-8 at byte offset " + offset + ": ")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedSequences_inAString_areRefusedByEveryByteEntryPoint(String label, String hex, int offset,
                                                                      String reason) {
        String marker = "Reply faster";
        byte[] before = RESPONSE.substring(0, RESPONSE.indexOf(marker)).getBytes(StandardCharsets.UTF_8);
        byte[] after = RESPONSE.substring(RESPONSE.indexOf(marker)).getBytes(StandardCharsets.UTF_8);
        byte[] bad = hex(hex);
        byte[] document = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, document, 0, before.length);
        System.arraycopy(bad, 0, document, before.length, bad.length);
        System.arraycopy(after, 0, document, before.length + bad.length, after.length);
        String expected = "document: invalid UTF-8 at byte offset " + (before.length + offset) + ": ";

        assertThatThrownBy(() -> JSON.readResponse(document)).as(label)
                .isInstanceOf(SurveyJsonException.class).hasMessageStartingWith(expected);
        assertThatThrownBy(() -> JSON.readResponse(new ByteArrayInputStream(document))).as(label)
                .isInstanceOf(SurveyJsonException.class).hasMessageStartingWith(expected);
        assertThatThrownBy(() -> JSON.readSurvey(document)).as(label)
                .isInstanceOf(SurveyJsonException.class).hasMessageStartingWith(expected);
        assertThatThrownBy(() -> JSON.readSurvey(new ByteArrayInputStream(document))).as(label)
                .isInstanceOf(SurveyJsonException.class).hasMessageStartingWith(expected);
    }

    @Test
    void overlongSlash_isRefusedWithLineAndColumn() {
        byte[] bytes = "{\n  \"id\": \"a@@b\"\n}".getBytes(StandardCharsets.UTF_8);
        bytes[12] = (byte) 0xC0;
        bytes[13] = (byte) 0xAF;

        assertThatThrownBy(() -> JSON.readResponse(bytes))
                .isInstanceOf(SurveyJsonException.class)
                .hasMessage("document: invalid UTF-8 at byte offset 12: overlong encoding (lead byte 0xC0)"
                        + " (line 2, column 11)")
                .satisfies(e -> {
                    var json = (SurveyJsonException) e;
                    assertThat(json.path()).isEmpty();
                    assertThat(json.line()).isEqualTo(2);
                    assertThat(json.column()).isEqualTo(11);
                });
    }

    @Test
    void wellFormedMultiByteText_stillReadsThroughBytes() {
        String text = RESPONSE.replace("Reply faster", "R\u00e9ply \u20ac \ud83d\ude00 faster");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(JSON.readResponse(bytes)).isEqualTo(JSON.readResponse(text));
        assertThat(JSON.readResponse(new ByteArrayInputStream(bytes))).isEqualTo(JSON.readResponse(text));
        assertThat(JSON.readSurvey(SURVEY.getBytes(StandardCharsets.UTF_8))).isEqualTo(JSON.readSurvey(SURVEY));
    }

    @Test
    void utf16AndUtf32_areStillDetectedAndRead() {
        for (String name : new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"}) {
            byte[] bytes = RESPONSE.strip().getBytes(Charset.forName(name));
            assertThat(JSON.readResponse(bytes)).as(name).isEqualTo(JSON.readResponse(RESPONSE));
            assertThat(JSON.readResponse(new ByteArrayInputStream(bytes))).as(name)
                    .isEqualTo(JSON.readResponse(RESPONSE));
        }
    }

    @Test
    void documentLengthLimit_stillComesFirst() {
        SurveyJson strict = SurveyJson.withLimits(new JsonLimits(4, 64, 100, 32));
        byte[] bytes = hex("C0 AF C0 AF C0 AF");

        assertThatThrownBy(() -> strict.readResponse(new ByteArrayInputStream(bytes)))
                .isInstanceOf(SurveyJsonException.class).hasMessageContaining("longer than 4 bytes");
        assertThatThrownBy(() -> strict.readResponse(bytes))
                .isInstanceOf(SurveyJsonException.class).hasMessageContaining("longer than 4 bytes");
    }

    /** The offset of the first malformed sequence as the JDK's strict decoder reports it, or -1. */
    private static int jdkFirstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        assertThat(result.isUnderflow()).isTrue();
        return decoder.flush(out).isError() ? in.position() : -1;
    }

    @Test
    void randomBytes_agreeWithTheJdkDecoder(Seed seed) {
        var random = seed.random();
        // Bytes biased towards the interesting ones: ASCII, continuations and every kind of lead.
        int[] pool = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
        int valid = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[random.nextInt(24)];
            int mode = random.nextInt(3);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) switch (mode) {
                    case 0 -> random.nextInt(256);
                    case 1 -> pool[random.nextInt(pool.length)];
                    default -> random.nextInt(4) == 0 ? pool[random.nextInt(pool.length)] : 0x20 + random.nextInt(0x5F);
                };
            }
            if (random.nextInt(4) == 0) { // mostly well-formed text with one random byte
                byte[] text = randomText(random).getBytes(StandardCharsets.UTF_8);
                if (text.length > 0 && random.nextBoolean()) {
                    text[random.nextInt(text.length)] = (byte) random.nextInt(256);
                }
                bytes = text;
            }
            int expected = jdkFirstInvalid(bytes);
            assertThat(Utf8.firstInvalid(bytes, 0, bytes.length))
                    .as("seed %d round %d bytes %s", seed.value(), round, HexFormat.ofDelimiter(" ").formatHex(bytes))
                    .isEqualTo(expected);
            valid += expected < 0 ? 1 : 0;
        }
        assertThat(valid).as("some random inputs are well-formed").isGreaterThan(1_000);
    }

    private static String randomText(Random random) {
        var text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int codePoint;
            do {
                codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                    case 2 -> 0x800 + random.nextInt(0x10000 - 0x800);
                    default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                };
            } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
