package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.loop.DurationSummary;
import dev.feedbackloop.scoring.loop.LoopSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * "Did we respond?" per group, as the command line's {@code loop} computes it: of the feedback that needed a
 * response (a rating at most the trigger), how much got one, within the SLA, what is overdue as of an instant, and
 * the time to respond.
 *
 * <pre>{@code
 * Dataset<Row> loop = LoopQuery.of(tickets)
 *         .csat("csat", 5).created("created_at").responded("first_response_at")
 *         .sla(Duration.ofHours(24)).by("plan")
 *         .groups();
 * }</pre>
 *
 * <p>Definitions and rules are those of {@code docs/cli.md} and {@link LoopSummary}: a row with an invalid rating,
 * a blank created time, or a response before its creation is left out; every other row makes its group, triggered or
 * not. Periods bucket the created time. As of: the given instant, by default the latest created or responded time in
 * the dataset (every row counts, as in the command line), see {@link #resolvedAsOf()}. Timestamps may be Spark
 * timestamps or text read as the command line reads it; durations are whole milliseconds.
 *
 * <p>Exact at any size. The counts are sums. The mean comes from the exact sum of durations (a {@code DECIMAL(38,0)}
 * sum) divided once, as the scoring module's {@code DurationTally} divides it. The median and the 90th percentile
 * are nearest-rank and exact: Spark first counts rows per group and distinct duration (an ordinary aggregation, which
 * spills to disk), then walks each group's durations in order with a running count and takes the first duration
 * whose running count reaches ⌈q·n⌉, compared in integers ({@code 2·running ≥ n},
 * {@code 10·running ≥ 9·n}). The
 * walk holds one group's distinct durations per task, sorted by Spark's external sorter, so a single huge group is
 * slow, not approximate. Nothing here is approximate.
 *
 * <p>Not thread-safe: a builder; the datasets it returns are ordinary Spark datasets.
 */
public final class LoopQuery {

    private static final Duration DEFAULT_SLA = Duration.ofHours(48);
    private static final StructType HOURS = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("mean", DataTypes.DoubleType, false),
        DataTypes.createStructField("median", DataTypes.DoubleType, false),
        DataTypes.createStructField("p90", DataTypes.DoubleType, false),
    });
    private static final StructType SUMMARY = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("triggered", DataTypes.LongType, false),
        DataTypes.createStructField("responded", DataTypes.LongType, false),
        DataTypes.createStructField("respondedWithinSla", DataTypes.LongType, false),
        DataTypes.createStructField("unresponded", DataTypes.LongType, false),
        DataTypes.createStructField("overdue", DataTypes.LongType, false),
        DataTypes.createStructField("responseRate", DataTypes.DoubleType, false),
        DataTypes.createStructField("slaRate", DataTypes.DoubleType, false),
        DataTypes.createStructField("timeToRespondHours", HOURS, true),
    });

    private final Dataset<Row> feedback;
    private @Nullable RatingMetric metric;
    private @Nullable String ratingColumn;
    private @Nullable Integer triggerAtMost;
    private @Nullable String createdColumn;
    private @Nullable String respondedColumn;
    private Duration sla = DEFAULT_SLA;
    private @Nullable Instant asOf;
    private final List<String> by = new ArrayList<>();
    private @Nullable Period period;
    private ZoneId zone = ZoneOffset.UTC;
    private Blanks blanks = Blanks.of();

    private LoopQuery(Dataset<Row> feedback) {
        this.feedback = feedback;
    }

    /**
     * Starts a summary of a dataset with one row per piece of feedback.
     *
     * @param feedback the rows
     * @return the query
     */
    public static LoopQuery of(Dataset<Row> feedback) {
        return new LoopQuery(Objects.requireNonNull(feedback, "feedback"));
    }

    /**
     * Decides which rows need a response by an NPS rating column (by default, detractors: at most 6).
     *
     * @param column the rating column
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column
     */
    public LoopQuery nps(String column) {
        return rating(RatingMetric.nps(), column);
    }

    /**
     * Decides which rows need a response by a CSAT rating column on 1..{@code points} (by default at most 2).
     *
     * @param column the rating column
     * @param points the number of points, 2..11
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column or the scale is out of range
     */
    public LoopQuery csat(String column, int points) {
        return rating(RatingMetric.csat(points), column);
    }

    private LoopQuery rating(RatingMetric m, String column) {
        this.ratingColumn = Columns.check(feedback, column);
        this.metric = m;
        return this;
    }

    /**
     * Sets the highest rating that needs a response, as the command line's {@code --trigger-at-most}.
     *
     * @param rating the rating
     * @return this query
     */
    public LoopQuery triggerAtMost(int rating) {
        this.triggerAtMost = rating;
        return this;
    }

    /**
     * Sets the column of when the feedback arrived (required).
     *
     * @param column a timestamp or text column
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column
     */
    public LoopQuery created(String column) {
        this.createdColumn = Columns.check(feedback, column);
        return this;
    }

    /**
     * Sets the column of when the business first responded, blank when it has not (required).
     *
     * @param column a timestamp or text column
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column
     */
    public LoopQuery responded(String column) {
        this.respondedColumn = Columns.check(feedback, column);
        return this;
    }

    /**
     * Sets the time allowed for a first response; 48 hours by default.
     *
     * @param sla zero or more, millisecond resolution
     * @return this query
     * @throws IllegalArgumentException if it is negative
     */
    public LoopQuery sla(Duration sla) {
        if (sla.isNegative()) {
            throw new IllegalArgumentException("sla: " + sla + " is negative, expected zero or more");
        }
        this.sla = sla;
        return this;
    }

    /**
     * Sets "now" for the overdue count; by default the latest created or responded time in the dataset.
     *
     * @param asOf the instant
     * @return this query
     */
    public LoopQuery asOf(Instant asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        return this;
    }

    /**
     * Groups by segment columns, in this order; repeatable.
     *
     * @param columns the segment columns
     * @return this query
     * @throws IllegalArgumentException if the dataset lacks one
     */
    public LoopQuery by(String... columns) {
        for (String column : columns) {
            by.add(Columns.check(feedback, column));
        }
        return this;
    }

    /**
     * Groups by the calendar period of the created time, in the {@linkplain #zone(ZoneId) zone}.
     *
     * @param period the period
     * @return this query
     */
    public LoopQuery period(Period period) {
        this.period = Objects.requireNonNull(period, "period");
        return this;
    }

    /**
     * Sets the zone of the periods and of local text timestamps; UTC by default.
     *
     * @param zone the zone
     * @return this query
     */
    public LoopQuery zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * Sets the missing-value markers of text cells (compared after trimming), as the command line's {@code --na}.
     *
     * @param markers the markers, such as {@code NA}
     * @return this query
     */
    public LoopQuery naMarkers(String... markers) {
        this.blanks = Blanks.of(markers);
        return this;
    }

    /**
     * The as-of instant of the summaries: the one given, or else the latest created or responded time of any row
     * (one Spark job), or the epoch when there is none.
     *
     * @return the instant
     * @throws IllegalStateException if the rating, created or responded column is missing
     */
    public Instant resolvedAsOf() {
        if (asOf != null) {
            return asOf;
        }
        Row latest = prepared().agg(max(greatest(millis(col(CREATED)), millis(col(RESPONDED))))).first();
        asOf = latest.isNullAt(0) ? Instant.EPOCH : Instant.ofEpochMilli(latest.getLong(0));
        return asOf;
    }

    /**
     * The summary per group: the segment columns (as text, under their names), {@code period} (with a period),
     * then {@code triggered}, {@code responded}, {@code respondedWithinSla}, {@code unresponded}, {@code overdue},
     * {@code responseRate}, {@code slaRate} and {@code timeToRespondHours} ({@code mean}, {@code median},
     * {@code p90}; null when nothing was responded), sorted as the command line sorts groups.
     *
     * @return a dataset of one row per group
     * @throws IllegalStateException if the rating, created or responded column is missing, or neither segments nor a
     *     period were given
     */
    public Dataset<Row> groups() {
        if (by.isEmpty() && period == null) {
            throw new IllegalStateException(
                    "groups: no segment columns and no period, expected by(...) or period(...)");
        }
        List<Column> out = Columns.groupLabels(by, period);
        out.addAll(summaryColumns());
        Dataset<Row> summaries = summaries(Columns.groupKeys(by.size(), period != null));
        return Columns.sortGroups(summaries, by.size(), period != null).select(out.toArray(Column[]::new));
    }

    /**
     * The summary over every valid row, as the command line's {@code overall}: one row with the columns of
     * {@link #groups()} less the segments and period.
     *
     * @return a dataset of one row
     * @throws IllegalStateException if the rating, created or responded column is missing
     */
    public Dataset<Row> overall() {
        return summaries(List.of()).select(summaryColumns().toArray(Column[]::new));
    }

    private static final String RATING = "__feedback_rating";
    private static final String CREATED = "__feedback_created";
    private static final String RESPONDED = "__feedback_responded";
    private static final String TRIGGERED = "__feedback_triggered";
    private static final String WAITED = "__feedback_waited";
    private static final String SUMMARY_COLUMN = "__feedback_summary";

    private static List<Column> summaryColumns() {
        List<Column> columns = new ArrayList<>();
        for (String field : SUMMARY.fieldNames()) {
            columns.add(col(SUMMARY_COLUMN).getField(field).as(field));
        }
        return columns;
    }

    /** One row per group of the keys (none: one row), with the summary struct. */
    private Dataset<Row> summaries(List<String> keys) {
        RatingMetric m = Objects.requireNonNull(metric, "metric");
        int trigger = triggerAtMost != null ? triggerAtMost : m.kind() == RatingMetric.Kind.NPS ? 6 : 2;
        Instant now = resolvedAsOf();
        long slaMillis = sla.toMillis();
        long overdueBefore = saturatedSubtract(now.toEpochMilli(), slaMillis);

        Column rating = col(RATING);
        Column created = col(CREATED);
        Column responded = col(RESPONDED);
        Column valid = rating.isNull().or(rating.between(m.min(), m.max()))
                .and(created.isNotNull())
                .and(responded.isNull().or(responded.geq(created)));
        Dataset<Row> rows = prepared().where(valid)
                .withColumn(TRIGGERED, rating.isNotNull().and(rating.leq(trigger)))
                .withColumn(WAITED, when(col(TRIGGERED).and(responded.isNotNull()),
                        millis(responded).minus(millis(created))));

        Column triggered = col(TRIGGERED);
        Column waited = col(WAITED);
        Column[] keyColumns = keys.stream().map(functions::col).toArray(Column[]::new);
        Dataset<Row> counts = rows.groupBy(keyColumns).agg(
                count_if(triggered).as("triggered"),
                count_if(waited.isNotNull()).as("responded"),
                count_if(waited.leq(slaMillis)).as("within"),
                count_if(triggered.and(responded.isNull()).and(millis(created).lt(overdueBefore))).as("overdue"),
                sum(waited.cast(DataTypes.createDecimalType(38, 0))).as("waitedSum"),
                min(waited).as("waitedMin"),
                max(waited).as("waitedMax"));

        // Nearest-rank percentiles: counts per distinct duration, then a running count in duration order.
        Column[] partition = keys.isEmpty() ? new Column[] {lit(0)} : keyColumns;
        WindowSpec running = Window.partitionBy(partition).orderBy(col(WAITED))
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        WindowSpec whole = Window.partitionBy(partition);
        List<Column> pairKeys = new ArrayList<>(List.of(keyColumns));
        pairKeys.add(col(WAITED));
        Dataset<Row> percentiles = rows.where(waited.isNotNull())
                .groupBy(pairKeys.toArray(Column[]::new)).agg(functions.count(lit(1)).as("k"))
                .withColumn("run", sum(col("k")).over(running))
                .withColumn("all", sum(col("k")).over(whole))
                .groupBy(keyColumns).agg(
                        min(when(col("run").multiply(2).geq(col("all")), col(WAITED))).as("waitedMedian"),
                        min(when(col("run").multiply(10).geq(col("all").multiply(9)), col(WAITED))).as("waitedP90"));

        Dataset<Row> joined;
        if (keys.isEmpty()) {
            joined = counts.crossJoin(percentiles);
        } else {
            Column on = lit(true);
            for (String key : keys) {
                on = on.and(counts.col(key).eqNullSafe(percentiles.col(key)));
            }
            List<Column> kept = new ArrayList<>();
            for (String key : keys) {
                kept.add(counts.col(key));
            }
            for (String c : new String[] {"triggered", "responded", "within", "overdue", "waitedSum", "waitedMin",
                "waitedMax"}) {
                kept.add(counts.col(c));
            }
            kept.add(percentiles.col("waitedMedian"));
            kept.add(percentiles.col("waitedP90"));
            joined = counts.join(percentiles, on, "left").select(kept.toArray(Column[]::new));
        }
        UDF1<Row, Row> summarise = new Summarise(now, sla);
        Column summary = functions.udf(summarise, SUMMARY).asNonNullable().withName("feedback_loop_summary").apply(
                struct(col("triggered"), col("responded"), col("within"), col("overdue"), col("waitedSum"),
                        col("waitedMin"), col("waitedMedian"), col("waitedP90"), col("waitedMax")));
        return joined.withColumn(SUMMARY_COLUMN, summary);
    }

    /** Segments, the period bucket, the rating as an integer and both times as epoch microseconds. */
    private Dataset<Row> prepared() {
        if (metric == null || ratingColumn == null || createdColumn == null || respondedColumn == null) {
            throw new IllegalStateException("columns: a rating (nps or csat), created and responded are required");
        }
        List<Column> columns = Columns.segments(by, blanks);
        Column created = TimeColumns.epochMicros(col(createdColumn), Columns.type(feedback, createdColumn), zone,
                blanks);
        if (period != null) {
            columns.add(TimeColumns.bucket(created, period, zone).as(Columns.BUCKET));
        }
        columns.add(Columns.rating(feedback, ratingColumn, blanks).as(RATING));
        columns.add(created.as(CREATED));
        columns.add(TimeColumns.epochMicros(col(respondedColumn), Columns.type(feedback, respondedColumn), zone,
                blanks).as(RESPONDED));
        return feedback.select(columns.toArray(Column[]::new));
    }

    /** Epoch microseconds to epoch milliseconds, rounding down as {@code Instant.toEpochMilli} does. */
    private static Column millis(Column micros) {
        return unix_millis(timestamp_micros(micros));
    }

    private static long saturatedSubtract(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    /** Builds the scoring module's {@link LoopSummary} from a group's counts, which checks them, and writes it. */
    private static final class Summarise implements UDF1<Row, Row> {

        private static final long serialVersionUID = 1L;

        private final Instant asOf;
        private final Duration sla;

        Summarise(Instant asOf, Duration sla) {
            this.asOf = asOf;
            this.sla = sla;
        }

        @Override
        public Row call(Row in) {
            long triggered = in.getLong(0);
            long responded = in.getLong(1);
            long within = in.getLong(2);
            long overdue = in.getLong(3);
            DurationSummary waited = null;
            if (responded > 0) {
                BigDecimal sum = in.getDecimal(4);
                // As DurationTally: the exact sum divided once, correctly rounded to 34 digits, then to a double.
                double mean = sum.divide(BigDecimal.valueOf(responded), MathContext.DECIMAL128).doubleValue();
                waited = new DurationSummary(responded, mean, Duration.ofMillis(in.getLong(5)),
                        Duration.ofMillis(in.getLong(6)), Duration.ofMillis(in.getLong(7)),
                        Duration.ofMillis(in.getLong(8)));
            }
            LoopSummary s = new LoopSummary(asOf, sla, triggered, responded, within, triggered - responded, overdue,
                    LoopSummary.rate(responded, triggered), LoopSummary.rate(within, triggered), waited);
            DurationSummary t = s.timeToContact();
            return RowFactory.create(s.needed(), s.contacted(), s.contactedWithinDeadline(), s.notContacted(),
                    s.overdue(), s.contactedPercent(), s.withinDeadlinePercent(),
                    t == null ? null : RowFactory.create(t.meanHours(), t.medianHours(), t.p90Hours()));
        }
    }
}
