package dev.feedbackloop.survey.json;

import java.time.DateTimeException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO-8601 instants as {@link Instant#parse(CharSequence)} does, with a fast path for the form every writer
 * uses, {@code 2024-03-05T10:15:30Z} with an optional fraction of 1 to 9 digits.
 *
 * <p>Design note: {@code Instant.parse} goes through a general {@code DateTimeFormatter} and costs about as much as
 * reading the rest of a response. The fast path takes only a four-digit year, a valid calendar date, hours
 * {@code 00..23}, minutes and seconds {@code 00..59} and an upper-case {@code T} and {@code Z}; anything else (other
 * offsets, leap seconds, {@code 24:00}, lower case, longer years) goes to {@code Instant.parse}, so the result is
 * always the same as its.
 */
final class Instants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int DAYS_0000_TO_1970 = 719_528;
    private static final int[] NANO_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Instants() {
    }

    /**
     * Reads an instant.
     *
     * @param text the text
     * @return the instant, or {@code null} if {@code Instant.parse} refuses the text
     */
    static @Nullable Instant parse(String text) {
        Instant fast = fastPath(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The fast path alone: the instant, or {@code null} when the text is not in the common form. */
    static @Nullable Instant fastPath(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANO_SCALE[fractionDigits - 1];
        }
        long epochDay = daysFromYearZero(year, month, day) - DAYS_0000_TO_1970;
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 0000-01-01 (proleptic Gregorian) to a date, as {@code LocalDate.toEpochDay} counts them. */
    private static long daysFromYearZero(int year, int month, int day) {
        long total = 365L * year;
        if (year >= 0) {
            total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        }
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total;
    }
}
