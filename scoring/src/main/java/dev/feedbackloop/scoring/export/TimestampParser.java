package dev.feedbackloop.scoring.export;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads timestamps as {@code cli.md} defines them, reading local values in a fixed time zone.
 *
 * <p>Accepted, with spaces and tabs around the value ignored:
 * <ul>
 *   <li>ISO-8601 dates, {@code 2024-03-05}, read as the start of that day in the zone;</li>
 *   <li>local date-times, {@code 2024-03-05T10:15:30}, also with a space instead of {@code T}, seconds optional and
 *       fractions of a second allowed ({@code 2024-03-05 10:15}, {@code 2024-03-05T10:15:30.25}), read in the zone
 *       (a time in a daylight-saving gap moves forward by the gap, an ambiguous time takes the earlier offset);</li>
 *   <li>offset and zoned date-times, {@code 2024-03-05T10:15:30Z}, {@code 2024-03-05T10:15:30+02:00},
 *       {@code 2024-03-05T10:15:30+01:00[Europe/Paris]}, whose own offset wins over the zone.</li>
 * </ul>
 * The common forms are read by a hand-written scanner without allocation beyond the result; anything else goes through
 * {@link DateTimeFormatter#ISO_DATE_TIME}.
 *
 * <p>Not thread-safe: it caches the last date read. Use one instance per thread.
 */
public final class TimestampParser {

    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final @Nullable ZoneOffset fixedOffset;
    private int lastYear = Integer.MIN_VALUE;
    private int lastMonth;
    private int lastDay;
    private long lastEpochDay;

    private TimestampParser(ZoneId zone) {
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
    }

    /**
     * Creates a parser that reads local dates and date-times in the given zone.
     *
     * @param zone the zone of local values
     * @return a new parser
     */
    public static TimestampParser of(ZoneId zone) {
        return new TimestampParser(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * The zone in which local values are read.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Reads a timestamp.
     *
     * @param text the cell text, not blank
     * @return the instant it denotes
     * @throws DateTimeException if the text is not one of the accepted forms or names a date or time that does not
     *     exist (such as {@code 2024-02-30})
     */
    public Instant parse(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && Cells.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && Cells.isSpace(text.charAt(end - 1))) {
            end--;
        }
        Instant fast = scan(text, start, end);
        return fast != null ? fast : slow(text.subSequence(start, end).toString());
    }

    /** The scanner for the common forms; null when the text is not one of them. */
    private @Nullable Instant scan(CharSequence s, int start, int end) {
        int len = end - start;
        if (len < 10 || s.charAt(start + 4) != '-' || s.charAt(start + 7) != '-') {
            return null;
        }
        int year = digits(s, start, 4);
        int month = digits(s, start + 5, 2);
        int day = digits(s, start + 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        if (len == 10) {
            if (fixedOffset != null) {
                return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY - fixedOffset.getTotalSeconds());
            }
            return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant();
        }
        int i = start + 10;
        char sep = s.charAt(i);
        if ((sep != 'T' && sep != 't' && sep != ' ') || len < 16 || s.charAt(i + 3) != ':') {
            return null;
        }
        int hour = digits(s, i + 1, 2);
        int minute = digits(s, i + 4, 2);
        if (hour < 0 || minute < 0) {
            return null;
        }
        i += 6;
        int second = 0;
        int nanos = 0;
        if (i < end && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0 || i + 3 > end) {
                return null;
            }
            i += 3;
            if (i < end && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
                int fractionDigits = 0;
                char c;
                while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
                    if (fractionDigits == 9) {
                        return null;
                    }
                    nanos = nanos * 10 + (c - '0');
                    fractionDigits++;
                    i++;
                }
                if (fractionDigits == 0) {
                    return null;
                }
                for (int k = fractionDigits; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeParseException(
                    "\"" + s.subSequence(start, end) + "\" has a time of day out of range", s, i);
        }
        long localSeconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        if (i == end) {
            if (fixedOffset != null) {
                return Instant.ofEpochSecond(localSeconds - fixedOffset.getTotalSeconds(), nanos);
            }
            return LocalDateTime.ofEpochSecond(localSeconds, nanos, ZoneOffset.UTC).atZone(zone).toInstant();
        }
        char c = s.charAt(i);
        int offsetSeconds;
        if ((c == 'Z' || c == 'z') && i + 1 == end) {
            offsetSeconds = 0;
        } else if (c == '+' || c == '-') {
            int rest = end - i - 1;
            int oh;
            int om = 0;
            if (rest == 2) {
                oh = digits(s, i + 1, 2);
            } else if (rest == 4) {
                oh = digits(s, i + 1, 2);
                om = digits(s, i + 3, 2);
            } else if (rest == 5 && s.charAt(i + 3) == ':') {
                oh = digits(s, i + 1, 2);
                om = digits(s, i + 4, 2);
            } else {
                return null;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        return Instant.ofEpochSecond(localSeconds - offsetSeconds, nanos);
    }

    private long epochDay(int year, int month, int day) {
        if (year != lastYear || month != lastMonth || day != lastDay) {
            lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            lastYear = year;
            lastMonth = month;
            lastDay = day;
        }
        return lastEpochDay;
    }

    private Instant slow(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                    text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime) {
                return ((ZonedDateTime) parsed).toInstant();
            }
            if (parsed instanceof OffsetDateTime) {
                return ((OffsetDateTime) parsed).toInstant();
            }
            return ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException("\"" + text + "\" is not a timestamp, expected an ISO-8601 date"
                    + " (2024-03-05), local date-time (2024-03-05T10:15:30 or 2024-03-05 10:15)"
                    + " or offset date-time (2024-03-05T10:15:30Z, 2024-03-05T10:15:30+02:00)", text, 0, e);
        }
    }

    /** Reads {@code count} ASCII digits at {@code from}, or returns -1. */
    private static int digits(CharSequence s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
