package dev.feedbackloop.core.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(Seeds.class)
final class BusinessCalendarTest {

    // Monday to Friday 09:00-17:00 in Berlin; Friday 29 March 2024 (Good Friday) is a holiday; DST starts 31 March.
    private static final BusinessCalendar BERLIN = BusinessCalendar.builder(ZoneId.of("Europe/Berlin"))
            .hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
            .holidays(Set.of(LocalDate.of(2024, 3, 29)))
            .build();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        // start (UTC),            working time, end (UTC)
        "2024-03-04T08:00:00Z,     PT1H,         2024-03-04T09:00:00Z",  // Mon 09:00 CET + 1h
        "2024-03-04T06:00:00Z,     PT1H,         2024-03-04T09:00:00Z",  // before opening: starts at 09:00
        "2024-03-04T15:00:00Z,     PT2H,         2024-03-05T09:00:00Z",  // Mon 16:00 + 2h = Tue 10:00 CET
        "2024-03-08T15:00:00Z,     PT8H,         2024-03-11T15:00:00Z",  // Fri 16:00 + 8h = Mon 16:00 CET
        "2024-03-09T10:00:00Z,     PT1H,         2024-03-11T09:00:00Z",  // Saturday: Mon 10:00 CET
        "2024-03-28T15:30:00Z,     PT1H,         2024-04-01T07:30:00Z",  // Thu 16:30 CET + 1h over Good
                                                                           // Friday, weekend, DST: Mon 09:30 CEST
        "2024-03-28T15:00:00Z,     PT1H,         2024-03-28T16:00:00Z",  // ends exactly at closing time
        "2024-03-04T08:00:00Z,     PT0S,         2024-03-04T08:00:00Z",  // zero is the start itself
    })
    void plus_countsOnlyWorkingHours(Instant start, Duration workingTime, Instant end) {
        assertThat(BERLIN.plus(start, workingTime)).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0} .. {1} = {2}")
    @CsvSource({
        "2024-03-04T08:00:00Z, 2024-03-04T09:00:00Z, PT1H",
        "2024-03-08T15:00:00Z, 2024-03-11T15:00:00Z, PT8H",
        "2024-03-09T00:00:00Z, 2024-03-10T23:00:00Z, PT0S",
        "2024-03-05T00:00:00Z, 2024-03-04T00:00:00Z, PT0S",
    })
    void between_countsOnlyWorkingHours(Instant from, Instant to, Duration expected) {
        assertThat(BERLIN.between(from, to)).isEqualTo(expected);
    }

    @Test
    void always_countsEveryHour() {
        Instant start = Instant.parse("2024-03-09T10:00:00Z");

        assertThat(BusinessCalendar.always().plus(start, Duration.ofHours(48)))
                .isEqualTo(start.plus(Duration.ofHours(48)));
    }

    @Test
    void plusThenBetween_roundTrips_forRandomStartsAndDurations(Seed seed) {
        var random = seed.random();
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 500; i++) {
            Instant start = base.plusSeconds(random.nextInt(365 * 86_400));
            Duration work = Duration.ofMinutes(random.nextInt(60 * 200));
            Instant end = BERLIN.plus(start, work);

            assertThat(BERLIN.between(start, end)).as("seed %d, start %s, work %s", seed.value(), start, work)
                    .isEqualTo(work);
        }
    }

    @Test
    void hours_endingBeforeStarting_isRefused() {
        assertThatThrownBy(() -> BusinessCalendar.builder(ZoneId.of("UTC")).hours(LocalTime.NOON,
                LocalTime.of(9, 0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours");
    }
}
