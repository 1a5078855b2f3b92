package dev.feedbackloop.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.scoring.export.ExportReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TimestampParserTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-05|UTC|2024-03-05T00:00:00Z",
        "2024-03-05|Europe/Paris|2024-03-04T23:00:00Z",
        "2024-03-05T10:15:30|UTC|2024-03-05T10:15:30Z",
        "2024-03-05 10:15:30|UTC|2024-03-05T10:15:30Z",
        "2024-03-05 10:15|UTC|2024-03-05T10:15:00Z",
        "2024-03-05T10:15:30.25|UTC|2024-03-05T10:15:30.250Z",
        "2024-03-05T10:15:30.123456789|UTC|2024-03-05T10:15:30.123456789Z",
        "2024-07-05T10:15:30|Europe/Paris|2024-07-05T08:15:30Z",
        "2024-03-05T10:15:30|+02:00|2024-03-05T08:15:30Z",
        "2024-03-05T10:15:30Z|Europe/Paris|2024-03-05T10:15:30Z",
        "2024-03-05T10:15:30+02:00|UTC|2024-03-05T08:15:30Z",
        "2024-03-05T10:15:30-0530|UTC|2024-03-05T15:45:30Z",
        "2024-03-05T10:15:30+01:00[Europe/Paris]|UTC|2024-03-05T09:15:30Z",
        "  2024-03-05 10:15:30  |UTC|2024-03-05T10:15:30Z",
        "2024-03-31T02:30|Europe/Paris|2024-03-31T01:30:00Z",
        "2024-10-27T02:30|Europe/Paris|2024-10-27T00:30:00Z"})
    void parse_acceptedForms_giveTheInstant(String text, String zone, String expected) {
        assertThat(TimestampParser.of(ZoneId.of(zone)).parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}] is rejected")
    @ValueSource(strings = {"2024-02-30", "yesterday", "2024-13-01", "05/03/2024", "2024-03-05T25:00",
        "2024-03-05T10:15:30+25:00", "2024-03-05T10", "1709633730"})
    void parse_otherText_throwsDateTimeException(String text) {
        assertThatThrownBy(() -> TimestampParser.of(ZoneId.of("UTC")).parse(text))
                .isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-05|Europe/Paris|2024-03-04T23:00:00Z",
        " 2024-03-05 10:15 |UTC|2024-03-05T10:15:00Z",
        "2024-03-05T10:15:30+02:00|UTC|2024-03-05T08:15:30Z"})
    void exportReaderParseTimestamp_readsTextAsACellIsRead(String text, String zone, String expected) {
        assertThat(ExportReader.parseTimestamp(text, ZoneId.of(zone))).isEqualTo(Instant.parse(expected))
                .isEqualTo(TimestampParser.of(ZoneId.of(zone)).parse(text));
    }

    @ParameterizedTest(name = "[{0}] is rejected")
    @ValueSource(strings = {"2024-02-30", "soon", ""})
    void exportReaderParseTimestamp_otherText_throwsDateTimeException(String text) {
        assertThatThrownBy(() -> ExportReader.parseTimestamp(text, ZoneId.of("UTC")))
                .isInstanceOf(DateTimeException.class);
    }
}
