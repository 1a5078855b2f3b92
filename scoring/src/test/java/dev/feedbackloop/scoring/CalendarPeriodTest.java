package dev.feedbackloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class CalendarPeriodTest {


    @ParameterizedTest
    @CsvSource({
        "DAY, 2024-03-05, 2024-03-05",
        "WEEK, 2024-03-05, 2024-W10",
        "WEEK, 2021-01-03, 2020-W53",
        "MONTH, 2024-03-31, 2024-03",
        "QUARTER, 2024-03-31, 2024-Q1",
        "QUARTER, 2024-04-01, 2024-Q2",
        "YEAR, 2024-12-31, 2024",
    })
    void of_isThePeriodContainingTheDate(Period unit, LocalDate date, String label) {
        CalendarPeriod period = CalendarPeriod.of(unit, date);

        assertThat(period.unit()).isEqualTo(unit);
        assertThat(period.label()).isEqualTo(label).isEqualTo(period.toString());
        assertThat(CalendarPeriod.parse(label)).isEqualTo(period);
        assertThat(period.start()).isBeforeOrEqualTo(date);
        assertThat(period.next().start()).isAfter(date);
    }

    @Test
    void factories_agreeWithOf() {
        LocalDate date = LocalDate.of(2024, 3, 5);

        assertThat(CalendarPeriod.day(date)).isEqualTo(CalendarPeriod.of(Period.DAY, date));
        assertThat(CalendarPeriod.week(date)).isEqualTo(CalendarPeriod.of(Period.WEEK, date));
        assertThat(CalendarPeriod.month(YearMonth.of(2024, 3))).isEqualTo(CalendarPeriod.of(Period.MONTH, date));
        assertThat(CalendarPeriod.quarter(2024, 1)).isEqualTo(CalendarPeriod.of(Period.QUARTER, date));
        assertThat(CalendarPeriod.year(2024)).isEqualTo(CalendarPeriod.of(Period.YEAR, date));
        assertThat(CalendarPeriod.week(date).start()).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void previousAndNext_stepOnePeriod() {
        CalendarPeriod december = CalendarPeriod.month(YearMonth.of(2023, 12));

        assertThat(december.next()).isEqualTo(CalendarPeriod.month(YearMonth.of(2024, 1)));
        assertThat(december.next().previous()).isEqualTo(december);
        assertThat(CalendarPeriod.quarter(2024, 1).previous().label()).isEqualTo("2023-Q4");
    }

    @Test
    void periods_sortByUnitThenTime() {
        List<CalendarPeriod> periods = new ArrayList<>(List.of(CalendarPeriod.year(2023),
                CalendarPeriod.month(YearMonth.of(2024, 2)), CalendarPeriod.month(YearMonth.of(2023, 11)),
                CalendarPeriod.day(LocalDate.of(2030, 1, 1))));
        periods.sort(null);

        assertThat(periods).extracting(CalendarPeriod::label).containsExactly("2030-01-01", "2023-11", "2024-02",
                "2023");
    }

    @ParameterizedTest
    @EnumSource(Period.class)
    void labels_roundTripThroughParse(Period unit, Seed seed) {
        Random random = seed.random();
        for (int i = 0; i < 2_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 1_000_000);
            CalendarPeriod period = CalendarPeriod.of(unit, date);

            assertThat(CalendarPeriod.parse(period.label())).as("seed %d: %s", seed.value(), date).isEqualTo(period);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "2024-3", "2024-13", "2024-02-30", "2024-W00", "2023-W53", "2024-Q0",
        "2024-Q5", "2024-03-05T00:00", "March 2024", " 2024"})
    void parse_ofNoLabel_isRejectedNamingTheText(String label) {
        assertThatThrownBy(() -> CalendarPeriod.parse(label)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label: '" + label + "' is not the label of a calendar period; expected");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1})
    void quarter_outsideOneToFour_isRejectedNamingTheValue(int quarter) {
        assertThatThrownBy(() -> CalendarPeriod.quarter(2024, quarter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quarter: " + quarter + " is outside 1..4");
    }

    @Test
    void bucketOffTheCalendar_isRejectedNamingIt() {
        assertThatThrownBy(() -> new CalendarPeriod(Period.WEEK, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket: " + Long.MAX_VALUE + " is not a WEEK of the ISO calendar");
        assertThatThrownBy(() -> new CalendarPeriod(Period.DAY, Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArguments_areRejectedNamingThem() {
        assertThatThrownBy(() -> CalendarPeriod.of(null, LocalDate.EPOCH)).isInstanceOf(NullPointerException.class)
                .hasMessage("unit");
        assertThatThrownBy(() -> CalendarPeriod.day(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("date");
        assertThatThrownBy(() -> CalendarPeriod.month(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("month");
    }
}
