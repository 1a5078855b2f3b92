package dev.feedbackloop.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte scanner behind the CSV reader's timestamps agrees with java.time on every form it reads. */
@ExtendWith(Seeds.class)
final class TimestampScanTest {

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "+05:30", "Europe/Paris", "America/New_York"})
    void scan_randomTimestamps_agreesWithJavaTime(String zoneId, Seed seed) {
        ZoneId zone = ZoneId.of(zoneId);
        TimestampParser parser = TimestampParser.of(zone);
        Random random = seed.random();
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(random.nextInt(2_900_000) - 719_000),
                    java.time.LocalTime.ofSecondOfDay(random.nextInt(86_400)));
            String text;
            Instant expected;
            switch (random.nextInt(4)) {
                case 0 -> {
                    text = local.toLocalDate().toString();
                    expected = local.toLocalDate().atStartOfDay(zone).toInstant();
                }
                case 1 -> {
                    text = local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
                    expected = local.atZone(zone).toInstant();
                }
                case 2 -> {
                    text = local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")) + "Z";
                    expected = local.toInstant(ZoneOffset.UTC);
                }
                default -> {
                    text = local.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")) + "-03:00";
                    expected = local.toInstant(ZoneOffset.ofHours(-3));
                }
            }
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

            long seconds = parser.scan(bytes, 0, bytes.length);

            assertThat(seconds).as("seed %d: %s", seed.value(), text).isEqualTo(expected.getEpochSecond());
            assertThat(parser.parse(text)).as("seed %d: %s", seed.value(), text).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "1900-02-29T10:00:00Z"})
    void scan_dayThatDoesNotExist_throwsDateTimeException(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> TimestampParser.of(ZoneOffset.UTC).scan(bytes, 0, bytes.length))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void scan_leapDays_readAsTheirDay() {
        TimestampParser parser = TimestampParser.of(ZoneOffset.UTC);
        byte[] leap2000 = "2000-02-29".getBytes(StandardCharsets.US_ASCII);
        byte[] leap2024 = "2024-02-29".getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.scan(leap2000, 0, leap2000.length))
                .isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay() * 86_400);
        assertThat(parser.scan(leap2024, 0, leap2024.length))
                .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay() * 86_400);
    }

    @Test
    void scan_notACommonForm_returnsNotScanned() {
        byte[] zoned = "2024-03-05T10:15:30+01:00[Europe/Paris]".getBytes(StandardCharsets.US_ASCII);

        assertThat(TimestampParser.of(ZoneOffset.UTC).scan(zoned, 0, zoned.length))
                .isEqualTo(TimestampParser.NOT_SCANNED);
    }

    /** The scan of a text, or the simple name of the exception it throws. */
    private static Object scanOrException(TimestampParser parser, byte[] bytes, int start, int end) {
        try {
            return parser.scan(bytes, start, end);
        } catch (DateTimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "+05:30", "Europe/Paris"})
    void scan_mutatedCommonForms_agreeWithTheGeneralPath(String zoneId, Seed seed) {
        TimestampParser parser = TimestampParser.of(ZoneId.of(zoneId));
        Random random = seed.random();
        byte[] alphabet = "0123456789-:TZtz +./a\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 50_000; i++) {
            LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(random.nextInt(100_000) - 20_000),
                    java.time.LocalTime.ofSecondOfDay(random.nextInt(86_400)));
            String text = local.format(DateTimeFormatter.ofPattern(
                    random.nextBoolean() ? "uuuu-MM-dd'T'HH:mm:ss" : "uuuu-MM-dd HH:mm:ss"))
                    + (random.nextBoolean() ? "Z" : "");
            // One leading space, which sends the scan down the general path, and bytes after the text, which the
            // eight-bytes-at-a-time path must not read.
            byte[] bytes = Arrays.copyOf((" " + text).getBytes(StandardCharsets.ISO_8859_1), text.length() + 5);
            Arrays.fill(bytes, text.length() + 1, bytes.length, (byte) '9');
            for (int m = random.nextInt(3); m > 0; m--) {
                bytes[1 + random.nextInt(text.length())] = alphabet[random.nextInt(alphabet.length)];
            }
            String mutated = new String(bytes, 1, text.length(), StandardCharsets.ISO_8859_1);

            Object fast = scanOrException(parser, bytes, 1, 1 + text.length());

            assertThat(fast).as("seed %d: %s", seed.value(), mutated)
                    .isEqualTo(scanOrException(parser, bytes, 0, 1 + text.length()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "+05:30"})
    void scanPlain_commonFormsInFixedZones_readEightBytesAtATime(String zoneId, Seed seed) {
        ZoneId zone = ZoneId.of(zoneId);
        TimestampParser parser = TimestampParser.of(zone);
        Random random = seed.random();
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(random.nextInt(2_000_000) - 134_000),
                    java.time.LocalTime.ofSecondOfDay(random.nextInt(86_400)));
            boolean zulu = random.nextBoolean();
            String text = local.format(DateTimeFormatter.ofPattern(
                    random.nextBoolean() ? "uuuu-MM-dd'T'HH:mm:ss" : "uuuu-MM-dd HH:mm:ss")) + (zulu ? "Z" : "");
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            Instant expected = zulu ? local.toInstant(ZoneOffset.UTC) : local.atZone(zone).toInstant();

            assertThat(parser.scanPlain(bytes, 0, zulu)).as("seed %d: %s", seed.value(), text)
                    .isEqualTo(expected.getEpochSecond());
        }
    }
}
