package dev.feedbackloop.spark;

import org.jspecify.annotations.Nullable;
import static org.apache.spark.sql.functions.unix_micros;

import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.internal.TimestampParser;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Timestamps and calendar periods as the command line reads and labels them: text through the scoring module's
 * {@link TimestampParser} (local values in the zone), periods through {@link Period}. Periods are grouped by their
 * numeric bucket and labelled once per group. Static only.
 */
final class TimeColumns {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private TimeColumns() {
    }

    /**
     * A timestamp column as microseconds since the epoch, null when blank. Spark timestamps are instants already;
     * text, dates and local date-times are read as the command line reads them, local values in {@code zone}.
     */
    static Column epochMicros(Column column, DataType type, ZoneId zone, Blanks blanks) {
        if (type.equals(DataTypes.TimestampType)) {
            return unix_micros(column);
        }
        UDF1<String, Long> read = new ReadTimestamp(zone, blanks);
        return functions.udf(read, DataTypes.LongType).withName("feedback_timestamp")
                .apply(column.cast(DataTypes.StringType));
    }

    /** The period bucket of a column of epoch microseconds, in the zone's calendar; null stays null. */
    static Column bucket(Column epochMicros, Period period, ZoneId zone) {
        UDF1<Long, Long> bucket = micros -> micros == null ? null
                : period.bucket(Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND)), zone);
        return functions.udf(bucket, DataTypes.LongType).withName("feedback_period_bucket").apply(epochMicros);
    }

    /** The label of a period bucket ({@code 2024-W01}, {@code 2024-03}, ...); null stays null. */
    static Column label(Column bucket, Period period) {
        UDF1<Long, String> label = b -> b == null ? null : period.label(b);
        return functions.udf(label, DataTypes.StringType).withName("feedback_period_label").apply(bucket);
    }

    /** Reads timestamp text; a parser per thread, since a parser caches the last date it read. */
    private static final class ReadTimestamp implements UDF1<String, Long> {

        private static final long serialVersionUID = 1L;

        private final ZoneId zone;
        private final Blanks blanks;
        private transient @Nullable ThreadLocal<TimestampParser> parsers;

        ReadTimestamp(ZoneId zone, Blanks blanks) {
            this.zone = zone;
            this.blanks = blanks;
        }

        @Override
        public @Nullable Long call(String text) {
            if (blanks.isBlank(text)) {
                return null;
            }
            ThreadLocal<TimestampParser> local = parsers;
            if (local == null) {
                local = ThreadLocal.withInitial(() -> TimestampParser.of(zone));
                parsers = local;
            }
            Instant instant = local.get().parse(text);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                    instant.getNano() / 1000);
        }
    }
}
