package dev.feedbackloop.scoring;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One particular calendar period: a day, an ISO week, a month, a quarter or a year, such as March 2024. Immutable
 * and thread-safe.
 *
 * <p>Where {@link Period} is a length of time to group by, a calendar period is one group's place on the calendar:
 * the value a scorecard labels its groups with and looks them up by. Create one from the {@code java.time} value it
 * stands for ({@link #day(LocalDate)}, {@link #week(LocalDate)}, {@link #month(YearMonth)}), from a year and quarter
 * ({@link #quarter(int, int)}, {@link #year(int)}), from any date it contains ({@link #of(Period, LocalDate)}), or
 * from its label ({@link #parse(String)}).
 *
 * <p>Periods of one length are ordered by time; periods of different lengths by {@link #unit()} first. The label
 * is the string form: {@code 2024-03-05}, {@code 2024-W09}, {@code 2024-03}, {@code 2024-Q1}, {@code 2024}.
 *
 * @param unit the length of the period
 * @param bucket the period's number, as {@link Period#bucket(LocalDate)} counts periods of that length
 */
public record CalendarPeriod(Period unit, long bucket) implements Comparable<CalendarPeriod> {

    private static final Pattern LABEL =
            Pattern.compile("([+-]?\\d{1,10})(?:-(\\d{2})-(\\d{2})|-W(\\d{2})|-(\\d{2})|-Q(\\d))?");

    public CalendarPeriod {
        Objects.requireNonNull(unit, "unit");
        if (!onCalendar(unit, bucket)) {
            throw new IllegalArgumentException("bucket: " + bucket + " is not a " + unit + " of the ISO calendar");
        }
    }

    /** Whether a bucket is a period whose first day {@link LocalDate} can hold (and whose number did not wrap). */
    private static boolean onCalendar(Period unit, long bucket) {
        try {
            return unit.bucket(unit.start(bucket)) == bucket;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    /**
     * Returns the period of a length that contains a date.
     *
     * @param unit the length of the period
     * @param date any day of the period
     * @return the period
     */
    public static CalendarPeriod of(Period unit, LocalDate date) {
        Objects.requireNonNull(unit, "unit");
        return new CalendarPeriod(unit, unit.bucket(Objects.requireNonNull(date, "date")));
    }

    /**
     * Returns a calendar day.
     *
     * @param date the day
     * @return the period
     */
    public static CalendarPeriod day(LocalDate date) {
        return of(Period.DAY, date);
    }

    /**
     * Returns the ISO week, Monday to Sunday, that contains a date.
     *
     * @param date any day of the week
     * @return the period
     */
    public static CalendarPeriod week(LocalDate date) {
        return of(Period.WEEK, date);
    }

    /**
     * Returns a calendar month.
     *
     * @param month the month, such as {@code YearMonth.of(2024, 3)}
     * @return the period
     */
    public static CalendarPeriod month(YearMonth month) {
        return of(Period.MONTH, Objects.requireNonNull(month, "month").atDay(1));
    }

    /**
     * Returns a calendar quarter; January to March is the first.
     *
     * @param year the year
     * @param quarter the quarter, 1..4
     * @return the period
     * @throws IllegalArgumentException if the quarter is outside 1..4
     */
    public static CalendarPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter: " + quarter + " is outside 1..4");
        }
        return new CalendarPeriod(Period.QUARTER, year * 4L + quarter - 1);
    }

    /**
     * Returns a calendar year.
     *
     * @param year the year
     * @return the period
     * @throws IllegalArgumentException if the year is outside the range of {@link LocalDate}
     */
    public static CalendarPeriod year(int year) {
        return new CalendarPeriod(Period.YEAR, year);
    }

    /**
     * Reads a period from its label, as {@link #label()} writes it: {@code 2024-03-05} (a day), {@code 2024-W09}
     * (an ISO week of a week-based year), {@code 2024-03} (a month), {@code 2024-Q1} (a quarter) or {@code 2024}
     * (a year).
     *
     * @param label the label
     * @return the period
     * @throws IllegalArgumentException if the text is not the label of a period
     */
    public static CalendarPeriod parse(String label) {
        Objects.requireNonNull(label, "label");
        Matcher match = LABEL.matcher(label);
        if (match.matches()) {
            try {
                CalendarPeriod period = fromLabel(match);
                if (period.label().equals(label)) {
                    return period;
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                // not a date of the calendar; reported below
            }
        }
        throw new IllegalArgumentException("label: '" + label + "' is not the label of a calendar period; expected"
                + " a day (2024-03-05), ISO week (2024-W09), month (2024-03), quarter (2024-Q1) or year (2024)");
    }

    private static CalendarPeriod fromLabel(Matcher match) {
        int year = Integer.parseInt(match.group(1));
        if (match.group(2) != null) {
            return day(LocalDate.of(year, Integer.parseInt(match.group(2)), Integer.parseInt(match.group(3))));
        } else if (match.group(4) != null) {
            int week = Integer.parseInt(match.group(4));
            LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return week(monday);
        } else if (match.group(5) != null) {
            return month(YearMonth.of(year, Integer.parseInt(match.group(5))));
        } else if (match.group(6) != null) {
            return quarter(year, Integer.parseInt(match.group(6)));
        }
        return year(year);
    }

    /**
     * Returns the first day of the period.
     *
     * @return the first day
     */
    public LocalDate start() {
        return unit.start(bucket);
    }

    /**
     * Returns the period of the same length just before this one.
     *
     * @return the previous period
     * @throws IllegalArgumentException if this is the first period of the calendar
     */
    public CalendarPeriod previous() {
        return new CalendarPeriod(unit, bucket - 1);
    }

    /**
     * Returns the period of the same length just after this one.
     *
     * @return the next period
     * @throws IllegalArgumentException if this is the last period of the calendar
     */
    public CalendarPeriod next() {
        return new CalendarPeriod(unit, bucket + 1);
    }

    /**
     * Returns the label of the period: {@code 2024-03-05}, {@code 2024-W09}, {@code 2024-03}, {@code 2024-Q1} or
     * {@code 2024}.
     *
     * @return the label
     */
    public String label() {
        return unit.label(bucket);
    }

    @Override
    public int compareTo(CalendarPeriod other) {
        int byUnit = unit.compareTo(other.unit);
        return byUnit != 0 ? byUnit : Long.compare(bucket, other.bucket);
    }

    /**
     * Returns the label.
     *
     * @return {@link #label()}
     */
    @Override
    public String toString() {
        return label();
    }
}
