package dev.feedbackloop.core.followup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Working time for deadlines: working days, daily working hours, holidays and a time zone. Immutable and
 * thread-safe.
 *
 * <p>{@link #always()} counts every hour; a calendar built with {@link #builder(ZoneId)} counts only working hours,
 * so 8 working hours from Friday 16:00 on a Monday–Friday 9–17 calendar end on Monday at 16:00. Daylight-saving
 * changes are handled by the time zone rules.
 */
public final class BusinessCalendar {

    private static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneOffset.UTC, LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class), Set.of(), true);

    private final ZoneId zone;
    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> workdays;
    private final Set<LocalDate> holidays;
    private final boolean always;

    private BusinessCalendar(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> workdays,
                             Set<LocalDate> holidays, boolean always) {
        this.zone = zone;
        this.start = start;
        this.end = end;
        this.workdays = Set.copyOf(workdays);
        this.holidays = Set.copyOf(holidays);
        this.always = always;
    }

    /**
     * Returns the calendar in which every hour counts (24/7).
     *
     * @return the calendar
     */
    public static BusinessCalendar always() {
        return ALWAYS;
    }

    /**
     * Starts a working-hours calendar in a time zone; by default Monday to Friday, 09:00–17:00, no holidays.
     *
     * @param zone the time zone of the working hours
     * @return a builder
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /**
     * Returns the instant when an amount of working time has passed after a start.
     *
     * @param from the start
     * @param workingTime the working time to add; zero or positive
     * @return the end; {@code from} itself when the working time is zero
     */
    public Instant plus(Instant from, Duration workingTime) {
        Objects.requireNonNull(from, "from");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime: " + workingTime + " is negative");
        }
        if (always || workingTime.isZero()) {
            return from.plus(workingTime);
        }
        Duration remaining = workingTime;
        Instant cursor = from;
        LocalDate day = LocalDate.ofInstant(from, zone);
        while (true) {
            if (isWorkday(day)) {
                Instant open = day.atTime(start).atZone(zone).toInstant();
                Instant close = day.atTime(end).atZone(zone).toInstant();
                if (cursor.isBefore(open)) {
                    cursor = open;
                }
                if (cursor.isBefore(close)) {
                    Duration available = Duration.between(cursor, close);
                    if (remaining.compareTo(available) <= 0) {
                        return cursor.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            day = day.plusDays(1);
        }
    }

    /**
     * Returns the working time between two instants.
     *
     * @param from the start
     * @param to the end
     * @return the working time; zero when {@code to} is not after {@code from}
     */
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkday(day)) {
                continue;
            }
            Instant open = max(day.atTime(start).atZone(zone).toInstant(), from);
            Instant close = min(day.atTime(end).atZone(zone).toInstant(), to);
            if (close.isAfter(open)) {
                total = total.plus(Duration.between(open, close));
            }
        }
        return total;
    }

    /**
     * Returns whether a date is a working day (a workday that is not a holiday).
     *
     * @param date the date
     * @return {@code true} if work happens on that date
     */
    public boolean isWorkday(LocalDate date) {
        return workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return always ? "BusinessCalendar[always]"
                : "BusinessCalendar[" + zone + " " + workdays + " " + start + "-" + end + ", "
                + holidays.size() + " holidays]";
    }

    /** Builds a working-hours {@link BusinessCalendar}; not thread-safe. */
    public static final class Builder {

        private final ZoneId zone;
        private LocalTime start = LocalTime.of(9, 0);
        private LocalTime end = LocalTime.of(17, 0);
        private Set<DayOfWeek> workdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private final Set<LocalDate> holidays = new HashSet<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        /**
         * Sets the daily working hours.
         *
         * @param from when work starts
         * @param to when work ends; after {@code from}
         * @return this builder
         * @throws IllegalArgumentException if {@code to} is not after {@code from}
         */
        public Builder hours(LocalTime from, LocalTime to) {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("hours: " + to + " is not after " + from);
            }
            this.start = from;
            this.end = to;
            return this;
        }

        /**
         * Sets the working days of the week.
         *
         * @param days the days; at least one
         * @return this builder
         * @throws IllegalArgumentException if no day is given
         */
        public Builder workdays(Set<DayOfWeek> days) {
            if (days.isEmpty()) {
                throw new IllegalArgumentException("workdays: at least one day is required");
            }
            this.workdays = EnumSet.copyOf(days);
            return this;
        }

        /**
         * Adds holidays, on which no work happens.
         *
         * @param dates the dates
         * @return this builder
         */
        public Builder holidays(Set<LocalDate> dates) {
            for (LocalDate date : dates) {
                holidays.add(Objects.requireNonNull(date, "date"));
            }
            return this;
        }

        /**
         * Builds the calendar.
         *
         * @return the calendar
         */
        public BusinessCalendar build() {
            return new BusinessCalendar(zone, start, end, workdays, holidays, false);
        }
    }
}
