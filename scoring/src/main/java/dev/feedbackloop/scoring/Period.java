package dev.feedbackloop.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar period that buckets timestamps: day, ISO week, month, quarter or year.
 *
 * <p>A bucket is a {@code long} that numbers the periods consecutively, so that the period before bucket
 * {@code b} is {@code b - 1}: days since 1970-01-01 for {@link #DAY}, ISO weeks (Monday to Sunday) since the week
 * of 1970-01-01 for {@link #WEEK}, and {@code year·12 + month − 1}, {@code year·4 + quarter − 1} and
 * {@code year} for the others. Computing a bucket from an epoch day is plain integer arithmetic that allocates
 * nothing; labels are made only on demand: {@code 2024-03-05} (day), {@code 2024-W09} (ISO week-based year and
 * week), {@code 2024-03} (month), {@code 2024-Q1} (quarter), {@code 2024} (year). Immutable and thread-safe.
 */
public enum Period {
    /** A calendar day, labelled {@code 2024-03-05}. */
    DAY,
    /** An ISO-8601 week, Monday to Sunday, labelled by week-based year and week, {@code 2024-W09}. */
    WEEK,
    /** A calendar month, labelled {@code 2024-03}. */
    MONTH,
    /** A calendar quarter (January–March is Q1), labelled {@code 2024-Q1}. */
    QUARTER,
    /** A calendar year, labelled {@code 2024}. */
    YEAR;

    private static final int SECONDS_PER_DAY = 86_400;

    /**
     * Parses a period name as the command line writes it.
     *
     * @param name {@code day}, {@code week}, {@code month}, {@code quarter} or {@code year}, in any case
     * @return the period
     * @throws IllegalArgumentException if the name is none of these
     */
    public static Period parse(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> DAY;
            case "week" -> WEEK;
            case "month" -> MONTH;
            case "quarter" -> QUARTER;
            case "year" -> YEAR;
            default -> throw new IllegalArgumentException(
                    "period: '" + name + "' is not one of day, week, month, quarter, year");
        };
    }

    /**
     * Returns the bucket of an instant, read as a local date in a time zone.
     *
     * @param instant the instant
     * @param zone the zone whose calendar applies
     * @return the bucket
     */
    public long bucket(Instant instant, ZoneId zone) {
        int offset = zone.getRules().getOffset(instant).getTotalSeconds();
        return bucketOfEpochDay(Math.floorDiv(instant.getEpochSecond() + offset, SECONDS_PER_DAY));
    }

    /**
     * Returns the bucket of a date.
     *
     * @param date the date
     * @return the bucket
     */
    public long bucket(LocalDate date) {
        return bucketOfEpochDay(date.toEpochDay());
    }

    /**
     * Returns the bucket of a day counted from 1970-01-01 (day 0), without allocating.
     *
     * @param epochDay the day, as {@link LocalDate#toEpochDay()} counts it
     * @return the bucket
     */
    public long bucketOfEpochDay(long epochDay) {
        return switch (this) {
            case DAY -> epochDay;
            case WEEK -> Math.floorDiv(epochDay + 3, 7);
            case MONTH -> monthIndex(epochDay);
            case QUARTER -> Math.floorDiv(monthIndex(epochDay), 3);
            case YEAR -> Math.floorDiv(monthIndex(epochDay), 12);
        };
    }

    /**
     * Returns the first day of a bucket.
     *
     * @param bucket a bucket of this period
     * @return its first day
     */
    public LocalDate start(long bucket) {
        return switch (this) {
            case DAY -> LocalDate.ofEpochDay(bucket);
            case WEEK -> LocalDate.ofEpochDay(bucket * 7 - 3);
            case MONTH -> LocalDate.of(Math.toIntExact(Math.floorDiv(bucket, 12)), Math.floorMod(bucket, 12) + 1,
                    1);
            case QUARTER -> LocalDate.of(Math.toIntExact(Math.floorDiv(bucket, 4)),
                    Math.floorMod(bucket, 4) * 3 + 1, 1);
            case YEAR -> LocalDate.of(Math.toIntExact(bucket), 1, 1);
        };
    }

    /**
     * Returns the label of a bucket: {@code 2024-03-05}, {@code 2024-W09}, {@code 2024-03}, {@code 2024-Q1} or
     * {@code 2024}.
     *
     * @param bucket a bucket of this period
     * @return the label
     */
    public String label(long bucket) {
        return switch (this) {
            case DAY -> LocalDate.ofEpochDay(bucket).toString();
            case WEEK -> {
                LocalDate monday = start(bucket);
                yield year(monday.get(IsoFields.WEEK_BASED_YEAR)) + "-W"
                        + twoDigits(monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case MONTH -> year(Math.floorDiv(bucket, 12)) + "-" + twoDigits(Math.floorMod(bucket, 12) + 1);
            case QUARTER -> year(Math.floorDiv(bucket, 4)) + "-Q" + (Math.floorMod(bucket, 4) + 1);
            case YEAR -> year(bucket);
        };
    }

    /** Month index year·12 + month − 1 of an epoch day (civil-from-days, proleptic Gregorian). */
    private static long monthIndex(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153; // March = 0
        long year = yoe + era * 400 + (mp >= 10 ? 1 : 0);
        long month = mp < 10 ? mp + 2 : mp - 10; // 0-based, January = 0
        return year * 12 + month;
    }

    private static String year(long year) {
        if (year >= 0 && year <= 9999) {
            String digits = Long.toString(year);
            return "0000".substring(digits.length()) + digits;
        }
        return year > 9999 ? "+" + year : Long.toString(year);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
