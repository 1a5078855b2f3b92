package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(Seeds.class)
final class PeriodTest {

    @ParameterizedTest
    @CsvSource({
        "DAY, 2024-03-05, 2024-03-05",
        "WEEK, 2024-03-01, 2024-W09",
        "WEEK, 2024-12-30, 2025-W01",
        "WEEK, 2021-01-03, 2020-W53",
        "MONTH, 2024-03-05, 2024-03",
        "QUARTER, 2024-03-31, 2024-Q1",
        "QUARTER, 2024-04-01, 2024-Q2",
        "YEAR, 2024-12-31, 2024",
        "MONTH, 0800-01-31, 0800-01",
        "DAY, 1969-12-31, 1969-12-31",
    })
    void label_ofBucketOfDate_isTheContractFormat(Period period, LocalDate date, String label) {
        assertThat(period.label(period.bucket(date))).isEqualTo(label);
    }

    @ParameterizedTest
    @EnumSource(Period.class)
    void bucket_agreesWithJavaTime_onRandomDays(Period period, Seed seed) {
        Random random = seed.random();
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(400_000) - 200_000);
            long bucket = period.bucket(date);
            String expected = switch (period) {
                case DAY -> date.toString();
                case WEEK -> String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                        date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
                case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
                case YEAR -> Integer.toString(date.getYear());
            };
            assertThat(period.label(bucket)).as("seed %d date %s", seed.value(), date).isEqualTo(expected);
            assertThat(period.start(bucket)).isBeforeOrEqualTo(date);
            assertThat(period.bucket(period.start(bucket))).isEqualTo(bucket);
            assertThat(period.bucket(period.start(bucket).minusDays(1))).isEqualTo(bucket - 1);
        }
    }

    @Test
    void bucket_ofInstant_usesTheZonesCalendar() {
        Instant instant = Instant.parse("2024-03-31T23:30:00Z");
        assertThat(Period.MONTH.label(Period.MONTH.bucket(instant, ZoneId.of("UTC")))).isEqualTo("2024-03");
        assertThat(Period.MONTH.label(Period.MONTH.bucket(instant, ZoneId.of("Europe/Paris")))).isEqualTo("2024-04");
        assertThat(Period.DAY.label(Period.DAY.bucket(instant, ZoneId.of("America/New_York"))))
                .isEqualTo("2024-03-31");
    }

    @ParameterizedTest
    @CsvSource({"day, DAY", "week, WEEK", "Month, MONTH", " quarter , QUARTER", "YEAR, YEAR"})
    void parse_acceptsCommandLineNames(String name, Period expected) {
        assertThat(Period.parse(name)).isEqualTo(expected);
    }

    @Test
    void parse_unknownName_isRejectedListingTheChoices() {
        assertThatThrownBy(() -> Period.parse("fortnight")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fortnight'").hasMessageContaining("day, week, month, quarter, year");
    }
}
