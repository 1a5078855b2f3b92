package dev.feedbackloop.spark;

import static org.apache.spark.sql.functions.col;

import dev.feedbackloop.scoring.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * Scores of a dataset of responses by segment columns and a calendar period, as the command line's {@code score}
 * computes them: the same groups, labels, order and numbers.
 *
 * <pre>{@code
 * Dataset<Row> card = ScorecardQuery.of(responses)
 *         .nps("nps").csat("csat", 5)
 *         .by("plan", "region")
 *         .period("submitted_at", Period.WEEK).zone(ZoneId.of("Europe/Paris"))
 *         .groups();
 * }</pre>
 *
 * <p>Rules, as in {@code docs/cli.md}: a rating column may be integer (null is not answered) or text, read by
 * {@link FeedbackScores#rating(Column, String...)}; ratings off the scale are left out and counted in each score's
 * {@code invalid}. A segment cell that is blank (null, empty, only spaces and tabs, or a marker) is the value null.
 * The period of a row is that of its timestamp in the zone (a Spark timestamp, or text read as the command line
 * reads it, local values in the zone), labelled {@code 2024-03-05}, {@code 2024-W09} (ISO week-based year and week,
 * so 2024-12-30 is in {@code 2025-W01}), {@code 2024-03}, {@code 2024-Q1} or {@code 2024}; a blank timestamp falls
 * in period null. Every row makes its group, answered or not. Groups are sorted by segment values (by code point,
 * null last, in the order of {@link #by}), then period (null last).
 *
 * <p>Not thread-safe: a builder; the datasets it returns are ordinary Spark datasets.
 */
public final class ScorecardQuery {

    private final Dataset<Row> responses;
    private final List<String> by = new ArrayList<>();
    private final List<Metric> metrics = new ArrayList<>();
    private @Nullable String dateColumn;
    private @Nullable Period period;
    private ZoneId zone = ZoneOffset.UTC;
    private Blanks blanks = Blanks.of();

    private record Metric(RatingMetric metric, String column) {
    }

    private ScorecardQuery(Dataset<Row> responses) {
        this.responses = responses;
    }

    /**
     * Starts a scorecard of a dataset.
     *
     * @param responses one row per response
     * @return the query
     */
    public static ScorecardQuery of(Dataset<Row> responses) {
        return new ScorecardQuery(Objects.requireNonNull(responses, "responses"));
    }

    /**
     * Scores NPS (0..10) from a column.
     *
     * @param column the rating column
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column
     */
    public ScorecardQuery nps(String column) {
        metrics.add(new Metric(RatingMetric.nps(), Columns.check(responses, column)));
        return this;
    }

    /**
     * Scores CSAT on 1..{@code points} from a column.
     *
     * @param column the rating column
     * @param points the number of points, 2..11
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column or the scale is out of range
     */
    public ScorecardQuery csat(String column, int points) {
        metrics.add(new Metric(RatingMetric.csat(points), Columns.check(responses, column)));
        return this;
    }

    /**
     * Scores CES on 1..{@code points} from a column.
     *
     * @param column the rating column
     * @param points the number of points, 2..11
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column or the scale is out of range
     */
    public ScorecardQuery ces(String column, int points) {
        metrics.add(new Metric(RatingMetric.ces(points), Columns.check(responses, column)));
        return this;
    }

    /**
     * Groups by segment columns, in this order; repeatable.
     *
     * @param columns the segment columns
     * @return this query
     * @throws IllegalArgumentException if the dataset lacks one
     */
    public ScorecardQuery by(String... columns) {
        for (String column : columns) {
            by.add(Columns.check(responses, column));
        }
        return this;
    }

    /**
     * Groups by the calendar period of a timestamp column, in the {@linkplain #zone(ZoneId) zone}.
     *
     * @param column the timestamp column
     * @param period the period
     * @return this query
     * @throws IllegalArgumentException if the dataset has no such column
     */
    public ScorecardQuery period(String column, Period period) {
        this.dateColumn = Columns.check(responses, column);
        this.period = Objects.requireNonNull(period, "period");
        return this;
    }

    /**
     * Sets the time zone whose calendar the periods follow and in which local text timestamps are read, as the
     * command line's {@code --zone}; UTC by default.
     *
     * @param zone the zone
     * @return this query
     */
    public ScorecardQuery zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * Sets the missing-value markers of text cells (compared after trimming), as the command line's {@code --na}.
     *
     * @param markers the markers, such as {@code NA}
     * @return this query
     */
    public ScorecardQuery naMarkers(String... markers) {
        this.blanks = Blanks.of(markers);
        return this;
    }

    /**
     * The scores per group: the segment columns (as text, under their names), {@code period} (with a period), then
     * one struct column per score ({@code nps}, {@code csat}, {@code ces}), in the command line's order.
     *
     * @return a dataset of one row per group
     * @throws IllegalStateException if no score was asked for, or neither segments nor a period
     */
    public Dataset<Row> groups() {
        check();
        if (by.isEmpty() && period == null) {
            throw new IllegalStateException(
                    "groups: no segment columns and no period, expected by(...) or period(...)");
        }
        List<Column> out = Columns.groupLabels(by, period);
        for (Metric m : metrics) {
            out.add(col(m.metric().name()));
        }
        Column[] keys = Columns.groupKeys(by.size(), period != null).stream().map(functions::col)
                .toArray(Column[]::new);
        return Columns.sortGroups(prepared().groupBy(keys).agg(first(), rest()), by.size(), period != null)
                .select(out.toArray(Column[]::new));
    }

    /**
     * The scores over every row, as the command line's {@code overall}: one row with one struct column per score.
     *
     * @return a dataset of one row
     * @throws IllegalStateException if no score was asked for
     */
    public Dataset<Row> overall() {
        check();
        return prepared().agg(first(), rest());
    }

    private void check() {
        if (metrics.isEmpty()) {
            throw new IllegalStateException("metrics: none asked for, expected nps(...), csat(...) or ces(...)");
        }
    }

    private Column first() {
        return score(metrics.get(0), 0);
    }

    private Column[] rest() {
        Column[] rest = new Column[metrics.size() - 1];
        for (int i = 1; i < metrics.size(); i++) {
            rest[i - 1] = score(metrics.get(i), i);
        }
        return rest;
    }

    private static Column score(Metric m, int index) {
        return FeedbackScores.score(m.metric(), col(Columns.rating(index)));
    }

    /** Segment values, the period bucket and the ratings as integers, under internal names. */
    private Dataset<Row> prepared() {
        List<Column> columns = Columns.segments(by, blanks);
        if (period != null && dateColumn != null) {
            Column micros = TimeColumns.epochMicros(col(dateColumn), Columns.type(responses, dateColumn), zone, blanks);
            columns.add(TimeColumns.bucket(micros, period, zone).as(Columns.BUCKET));
        }
        for (int i = 0; i < metrics.size(); i++) {
            String column = metrics.get(i).column();
            columns.add(Columns.rating(responses, column, blanks).as(Columns.rating(i)));
        }
        return responses.select(columns.toArray(Column[]::new));
    }
}
