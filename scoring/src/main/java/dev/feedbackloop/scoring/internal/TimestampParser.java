package dev.feedbackloop.scoring.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
 * <p>Not thread-safe: it caches the last date read. Each row of a reader keeps one, for the zone it was last asked
 * for; {@code ExportReader.parseTimestamp} makes one per call.
 */
public final class TimestampParser {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    /** The digit bytes of {@code yyyy-MM-} and of {@code ddTHH:mm}, read as little-endian longs. */
    private static final long DATE_DIGITS = 0x00FF_FF00_FFFF_FFFFL;
    private static final long TIME_DIGITS = 0xFFFF_00FF_FF00_FFFFL;
    private static final long DATE_SEPARATORS = 0x2D00_002D_0000_0000L;
    private static final int MONTH_CACHE = 64;
    private static final int[] DAYS_BEFORE_MONTH = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    /** What {@link #scan(byte[], int, int)} returns for text that is not one of the common forms. */
    public static final long NOT_SCANNED = Long.MIN_VALUE;

    private final ZoneId zone;
    private final @Nullable ZoneOffset fixedOffset;
    private final int fixedOffsetSeconds;
    private int lastYear = Integer.MIN_VALUE;
    private int lastMonth;
    private int lastDay;
    private long lastEpochDay;
    private int scannedNanos;
    /**
     * A direct-mapped cache of months for {@link #scanPlain}: the key {@code year << 4 | month} (0 when empty), the
     * epoch day of the month's first day and its length.
     */
    private final int[] monthKeys = new int[MONTH_CACHE];
    private final int[] monthStarts = new int[MONTH_CACHE];
    private final int[] monthLengths = new int[MONTH_CACHE];
    /** Holds a String or other CharSequence as bytes so that one scanner serves both. */
    private final byte[] scratch = new byte[64];

    private TimestampParser(ZoneId zone) {
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
        this.fixedOffsetSeconds = fixedOffset == null ? 0 : fixedOffset.getTotalSeconds();
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
        int length = end - start;
        if (length <= scratch.length) {
            boolean ascii = true;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(start + i);
                ascii &= c < 0x80;
                scratch[i] = (byte) c;
            }
            if (ascii) {
                long seconds = scan(scratch, 0, length);
                if (seconds != NOT_SCANNED) {
                    return Instant.ofEpochSecond(seconds, scannedNanos);
                }
            }
        }
        return slow(text.subSequence(start, end).toString());
    }

    /**
     * Reads a timestamp from ASCII bytes, spaces and tabs around it ignored: its epoch second, with the fraction
     * left in {@link #scannedNanos()}; {@link #NOT_SCANNED} when the text is not one of the common forms (the caller
     * then uses {@link #parse(CharSequence)}, which also reads the rare ones or throws).
     *
     * @throws DateTimeException if the text has a common form but names a date or time that does not exist
     */
    public long scan(byte[] b, int start, int end) {
        int length = end - start;
        if ((length == 19 || length == 20) && start >= 0 && end <= b.length) {
            long seconds = scanPlain(b, start, length == 20);
            if (seconds != NOT_SCANNED) {
                return seconds;
            }
        }
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        int len = end - start;
        if (len < 10 || b[start + 4] != '-' || b[start + 7] != '-') {
            return NOT_SCANNED;
        }
        int year = digits4(b, start);
        int month = digits2(b, start + 5);
        int day = digits2(b, start + 8);
        if (year < 0 || month < 0 || day < 0) {
            return NOT_SCANNED;
        }
        long epochDay = epochDay(year, month, day);
        scannedNanos = 0;
        if (len == 10) {
            if (fixedOffset != null) {
                return epochDay * SECONDS_PER_DAY - fixedOffset.getTotalSeconds();
            }
            return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
        }
        int i = start + 10;
        byte sep = b[i];
        if ((sep != 'T' && sep != 't' && sep != ' ') || len < 16 || b[i + 3] != ':') {
            return NOT_SCANNED;
        }
        int hour = digits2(b, i + 1);
        int minute = digits2(b, i + 4);
        if (hour < 0 || minute < 0) {
            return NOT_SCANNED;
        }
        i += 6;
        int second = 0;
        int nanos = 0;
        if (i < end && b[i] == ':') {
            second = i + 3 <= end ? digits2(b, i + 1) : -1;
            if (second < 0) {
                return NOT_SCANNED;
            }
            i += 3;
            if (i < end && (b[i] == '.' || b[i] == ',')) {
                i++;
                int fractionDigits = 0;
                byte c;
                while (i < end && (c = b[i]) >= '0' && c <= '9') {
                    if (fractionDigits == 9) {
                        return NOT_SCANNED;
                    }
                    nanos = nanos * 10 + (c - '0');
                    fractionDigits++;
                    i++;
                }
                if (fractionDigits == 0) {
                    return NOT_SCANNED;
                }
                for (int k = fractionDigits; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            String text = new String(b, start, len, StandardCharsets.ISO_8859_1);
            throw new DateTimeParseException("\"" + text + "\" has a time of day out of range", text, i - start);
        }
        long localSeconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        scannedNanos = nanos;
        if (i == end) {
            if (fixedOffset != null) {
                return localSeconds - fixedOffset.getTotalSeconds();
            }
            return LocalDateTime.ofEpochSecond(localSeconds, nanos, ZoneOffset.UTC).atZone(zone).toEpochSecond();
        }
        byte c = b[i];
        int offsetSeconds;
        if ((c == 'Z' || c == 'z') && i + 1 == end) {
            offsetSeconds = 0;
        } else if (c == '+' || c == '-') {
            int rest = end - i - 1;
            int oh;
            int om = 0;
            if (rest == 2) {
                oh = digits(b, i + 1, 2, end);
            } else if (rest == 4) {
                oh = digits(b, i + 1, 2, end);
                om = digits(b, i + 3, 2, end);
            } else if (rest == 5 && b[i + 3] == ':') {
                oh = digits(b, i + 1, 2, end);
                om = digits(b, i + 4, 2, end);
            } else {
                return NOT_SCANNED;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return NOT_SCANNED;
            }
            offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return NOT_SCANNED;
        }
        return localSeconds - offsetSeconds;
    }

    /**
     * Reads the most common forms, {@code yyyy-MM-ddTHH:mm:ssZ} and (in a fixed-offset zone) {@code yyyy-MM-ddTHH:mm:ss}
     * or with a space for the {@code T}, eight bytes at a time; {@link #NOT_SCANNED} for anything else, including
     * dates that do not exist, which the general path then reports in its usual words.
     */
    public long scanPlain(byte[] b, int start, boolean zulu) {
        long date = (long) LONGS.get(b, start);
        long time = (long) LONGS.get(b, start + 8);
        int tail = (int) INTS.get(b, start + 15);
        if ((date & ~DATE_DIGITS) != DATE_SEPARATORS
                || (time & 0x0000_FF00_0000_0000L) != 0x0000_3A00_0000_0000L
                || (tail & 0xFF00) != 0x3A00) {
            return NOT_SCANNED;
        }
        int sep = (int) (time >>> 16) & 0xFF;
        if (sep != 'T' && sep != ' ' && sep != 't') {
            return NOT_SCANNED;
        }
        int offsetSeconds;
        if (zulu) {
            byte z = b[start + 19];
            if (z != 'Z' && z != 'z') {
                return NOT_SCANNED;
            }
            offsetSeconds = 0;
        } else {
            if (fixedOffset == null) {
                return NOT_SCANNED;
            }
            offsetSeconds = fixedOffsetSeconds;
        }
        long d = (date & DATE_DIGITS) | (ZEROS & ~DATE_DIGITS);
        long t = (time & TIME_DIGITS) | (ZEROS & ~TIME_DIGITS);
        // The tail is the last minute digit, ':' and the two digits of seconds; keep the seconds, the rest zeros.
        long u = (tail & 0xFFFF_0000L) | (ZEROS & ~0xFFFF_0000L);
        if ((((d + 0x4646_4646_4646_4646L) | (d - ZEROS) | (t + 0x4646_4646_4646_4646L) | (t - ZEROS)
                | (u + 0x4646_4646_4646_4646L) | (u - ZEROS)) & 0x8080_8080_8080_8080L) != 0) {
            return NOT_SCANNED;
        }
        // Digit values, separators zero; then each byte becomes ten times itself plus the next byte, so that the first
        // byte of every two-digit field holds the field's value (at most 99: no carries between bytes).
        d -= ZEROS;
        t -= ZEROS;
        u -= ZEROS;
        d = d * 10 + (d >>> 8);
        t = t * 10 + (t >>> 8);
        u = u * 10 + (u >>> 8);
        int year = (int) (d & 0xFF) * 100 + (int) (d >>> 16 & 0xFF);
        int month = (int) (d >>> 40 & 0xFF);
        int day = (int) (t & 0xFF);
        int hour = (int) (t >>> 24 & 0xFF);
        int minute = (int) (t >>> 48 & 0xFF);
        int second = (int) (u >>> 16 & 0xFF);
        if (year < 1601 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
            return NOT_SCANNED;
        }
        int key = year << 4 | month;
        int entry = (year * 12 + month) & (MONTH_CACHE - 1);
        if (monthKeys[entry] != key) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            int y = year - 1;
            // Days from 1970-01-01 to January 1st of the year: 365 a year plus the leap days of years 1601..year-1.
            monthStarts[entry] = 365 * (year - 1970) + (y / 4 - y / 100 + y / 400) - 477
                    + DAYS_BEFORE_MONTH[month] + (leap && month > 2 ? 1 : 0);
            monthLengths[entry] = monthLength(year, month);
            monthKeys[entry] = key;
        }
        if (day < 1 || day > monthLengths[entry]) {
            return NOT_SCANNED;
        }
        long epochDay = monthStarts[entry] + day - 1;
        scannedNanos = 0;
        return epochDay * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offsetSeconds;
    }

    /** The fraction of a second of the last timestamp {@link #scan} read, in nanoseconds. */
    public int scannedNanos() {
        return scannedNanos;
    }

    /**
     * The epoch day of a date whose year has four digits (0000–9999), by the days-from-civil formula; the cache of
     * the last date read saves the arithmetic on sorted exports.
     *
     * @throws DateTimeException if the month or the day of the month does not exist
     */
    private long epochDay(int year, int month, int day) {
        if (year == lastYear && month == lastMonth && day == lastDay) {
            return lastEpochDay;
        }
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            // Let LocalDate say what is wrong, in its usual words.
            return LocalDate.of(year, month, day).toEpochDay();
        }
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        lastEpochDay = era * 146_097L + dayOfEra - 719_468L;
        lastYear = year;
        lastMonth = month;
        lastDay = day;
        return lastEpochDay;
    }

    private static int monthLength(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
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

    /** Reads two ASCII digits at {@code i}, which the caller knows are in range, or returns -1. */
    private static int digits2(byte[] b, int i) {
        int d1 = b[i] - '0';
        int d0 = b[i + 1] - '0';
        return (d1 | d0) >= 0 && d1 <= 9 && d0 <= 9 ? d1 * 10 + d0 : -1;
    }

    /** Reads four ASCII digits at {@code i}, which the caller knows are in range, or returns -1. */
    private static int digits4(byte[] b, int i) {
        int hi = digits2(b, i);
        int lo = digits2(b, i + 2);
        return (hi | lo) >= 0 ? hi * 100 + lo : -1;
    }

    /** Reads {@code count} ASCII digits at {@code from}, before {@code end}, or returns -1. */
    private static int digits(byte[] b, int from, int count, int end) {
        if (from + count > end) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
